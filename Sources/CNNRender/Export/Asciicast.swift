/// Writes asciicast v2 recordings (what `asciinema play` shows): a JSON header line, then one
/// `[time, "o", data]` line per frame. The first frame clears the screen and draws every row;
/// later frames redraw only the changed stretch of each changed row, after a cursor move.
public struct AsciicastWriter: Sendable {
    /// Columns of the recording.
    public let width: Int
    /// Rows of the recording.
    public let height: Int
    private var previous: Canvas?

    /// Creates a writer for frames of this size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The header line (ends with a newline). `timestamp` is the Unix time of the recording.
    public func header(timestamp: Int, title: String? = nil) -> String {
        var fields = [
            "\"version\": 2", "\"width\": \(width)", "\"height\": \(height)", "\"timestamp\": \(timestamp)",
            "\"env\": {\"TERM\": \"xterm-256color\"}",
        ]
        if let title { fields.append("\"title\": \(Self.jsonString(title))") }
        return "{" + fields.joined(separator: ", ") + "}\n"
    }

    /// The event line for a frame shown at `time` seconds (ends with a newline), or nil if the
    /// frame looks exactly like the previous one.
    public mutating func event(time: Double, canvas: Canvas) -> String? {
        let data = output(for: canvas)
        previous = canvas
        guard !data.isEmpty else { return nil }
        return "[\(Self.seconds(time)), \"o\", \(Self.jsonString(data))]\n"
    }

    /// The terminal output that turns the previous frame into this one.
    private func output(for canvas: Canvas) -> String {
        var data = ""
        let first = previous == nil || previous?.width != canvas.width || previous?.height != canvas.height
        if first { data += "\u{1B}[0m\u{1B}[H\u{1B}[2J" }
        for row in 0..<min(height, canvas.height) {
            guard !first, let previous else {
                data += "\u{1B}[\(row + 1);1H" + AnsiText.line(canvas, row: row) + "\u{1B}[K"
                continue
            }
            guard let changed = Self.changedColumns(previous, canvas, row: row) else { continue }
            data +=
                "\u{1B}[\(row + 1);\(changed.lowerBound + 1)H" + AnsiText.segment(canvas, row: row, columns: changed)
        }
        return data
    }

    /// The columns from the first to the last cell of a row that differ, or nil if none do.
    private static func changedColumns(_ a: Canvas, _ b: Canvas, row: Int) -> Range<Int>? {
        let columns = 0..<min(a.width, b.width)
        guard let first = columns.first(where: { a[row, $0] != b[row, $0] }),
            let last = columns.last(where: { a[row, $0] != b[row, $0] })
        else { return nil }
        return first..<(last + 1)
    }

    /// A whole recording in memory (for tests and short recordings).
    public static func document(
        width: Int, height: Int, timestamp: Int, title: String? = nil, frames: [(time: Double, canvas: Canvas)]
    ) -> String {
        var writer = AsciicastWriter(width: width, height: height)
        var text = writer.header(timestamp: timestamp, title: title)
        for frame in frames {
            if let line = writer.event(time: frame.time, canvas: frame.canvas) { text += line }
        }
        return text
    }

    /// A last event that changes nothing on screen but resets the style, so the final frame
    /// stays up until `time`.
    public func closing(time: Double) -> String {
        "[\(Self.seconds(time)), \"o\", \(Self.jsonString(AnsiText.reset))]\n"
    }

    /// Seconds with microsecond precision, e.g. `1.500000`.
    public static func seconds(_ time: Double) -> String {
        let micros = Int((max(0, time.isFinite ? time : 0) * 1_000_000).rounded())
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
