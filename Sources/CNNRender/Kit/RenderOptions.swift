import CNNSandbox

/// How a frame may be drawn on the terminal at hand.
public struct RenderOptions: Hashable, Sendable {
    /// Draw with plain ASCII only (`--ascii`, or a non-UTF-8 locale).
    public var ascii: Bool
    /// Use colours (off with `--no-color` or NO_COLOR); emphasis then relies on attributes.
    public var color: Bool
    /// Classroom mode: larger cells where they fit, high contrast.
    public var classroom: Bool
    /// Pictures may carry exact 24-bit colours (COLORTERM=truecolor); every colour keeps its 256 index.
    public var trueColor: Bool

    /// Creates options; the defaults are Unicode with colour.
    public init(ascii: Bool = false, color: Bool = true, classroom: Bool = false, trueColor: Bool = false) {
        self.ascii = ascii
        self.color = color
        self.classroom = classroom
        self.trueColor = trueColor
    }

    /// The glyph set these options call for.
    public var glyphs: Glyphs { ascii ? .ascii : .unicode }
}

/// The symbols a frame uses, in a Unicode and an ASCII version.
public struct Glyphs: Hashable, Sendable {
    public let times: String
    public let dot: String
    public let minus: String
    public let arrow: String
    public let ellipsis: String
    public let star: String
    public let pending: String
    public let play: String
    public let pause: String
    public let horizontal: String
    public let vertical: String
    public let topLeft: String
    public let topRight: String
    public let bottomLeft: String
    public let bottomRight: String
    public let floorOpen: String
    public let floorClose: String
    public let negativeInfinity: String
    /// A range's dash (`1–4`).
    public let rangeDash: String
    /// A sentence's dash (`a — b`).
    public let dash: String
    /// Degrees (`180°`).
    public let degrees: String
    /// A transposed matrix's mark (`Mᵀ`).
    public let transposed: String

    /// Box drawing and mathematical symbols.
    public static let unicode = Glyphs(
        times: "×", dot: "·", minus: "−", arrow: "→", ellipsis: "…", star: "⋆", pending: "·", play: "▶", pause: "❚❚",
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        floorOpen: "⌊", floorClose: "⌋", negativeInfinity: "−∞", rangeDash: "–", dash: "—", degrees: "°",
        transposed: "ᵀ")

    /// Plain ASCII for terminals without UTF-8.
    public static let ascii = Glyphs(
        times: "x", dot: "*", minus: "-", arrow: "->", ellipsis: "...", star: "*", pending: ".", play: ">", pause: "||",
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        floorOpen: "floor(", floorClose: ")", negativeInfinity: "-inf", rangeDash: "-", dash: "-",
        degrees: " deg", transposed: "^T")

    /// A subscript digit (`₁`), or the digit itself in ASCII.
    public func subscriptDigit(_ digit: Int) -> String {
        guard self != .ascii, (0...9).contains(digit), let scalar = Unicode.Scalar(0x2080 + digit) else {
            return "\(digit)"
        }
        return String(Character(scalar))
    }

    /// A formula written for both sets: the ASCII or the Unicode text.
    public func pick(unicode: String, ascii: String) -> String {
        self == .ascii ? ascii : unicode
    }

    /// Rewrites text produced with Unicode symbols (e.g. the core's messages) for this set.
    public func adapt(_ text: String) -> String {
        guard self == .ascii else { return text }
        var result = text
        for (from, to) in [
            ("×", "x"), ("·", "*"), ("−", "-"), ("→", "->"), ("←", "<-"), ("↑", "^"), ("↓", "v"), ("–", "-"),
            ("…", "..."), ("⋆", "*"), ("⌊", "floor("), ("⌋", ")"),
            ("⌈", "ceil("), ("⌉", ")"), ("∞", "inf"), ("≤", "<="), ("≥", ">="), ("Σ", "sum"), ("’", "'"), ("—", "-"),
            ("₀", "0"), ("₁", "1"), ("²", "^2"), ("⁻", "-"), ("▶", ">"), ("❚", "|"),
        ] {
            result = result.replacingOccurrences(of: from, with: to)
        }
        return String(String.UnicodeScalarView(result.unicodeScalars.map { $0.isASCII ? $0 : "?" }))
    }
}
