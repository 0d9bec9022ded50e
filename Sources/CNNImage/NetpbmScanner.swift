/// Reads the text parts of a Netpbm file (header numbers, plain-format samples), skipping
/// whitespace and `#` comments and keeping the line and column for error messages.
struct NetpbmScanner {
    let bytes: [UInt8]
    private(set) var offset: Int
    private(set) var line = 1
    private(set) var column = 1

    init(bytes: [UInt8], offset: Int) {
        self.bytes = bytes
        self.offset = offset
        self.column = offset + 1
    }

    /// Whether the end of the data has been reached.
    var atEnd: Bool { offset >= bytes.count }

    /// An error at the current position.
    func error(_ problem: String) -> ImageError {
        ImageError(line: line, column: column, problem: problem)
    }

    /// Moves past one byte.
    mutating func advance() {
        if bytes[offset] == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else {
            column += 1
        }
        offset += 1
    }

    /// Skips whitespace and comments.
    mutating func skipSpace() {
        while !atEnd {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "#") {
                while !atEnd && bytes[offset] != UInt8(ascii: "\n") { advance() }
            } else if NetpbmScanner.isSpace(byte) {
                advance()
            } else {
                return
            }
        }
    }

    /// Reads an unsigned decimal number named `what`, refusing anything above `limit`.
    mutating func number(_ what: String, limit: Int) throws(ImageError) -> Int {
        skipSpace()
        guard !atEnd else { throw error("truncated data: the file ends before the \(what)") }
        guard NetpbmScanner.isDigit(bytes[offset]) else {
            throw error("expected the \(what) (a decimal number), found '\(Character(Unicode.Scalar(bytes[offset])))'")
        }
        let start = (line, column)
        var value = 0
        while !atEnd && NetpbmScanner.isDigit(bytes[offset]) {
            value = value * 10 + Int(bytes[offset] - UInt8(ascii: "0"))
            advance()
            if value > limit {
                while !atEnd && NetpbmScanner.isDigit(bytes[offset]) { advance() }
                throw ImageError(
                    line: start.0, column: start.1, problem: "the \(what) is larger than \(limit)")
            }
        }
        return value
    }

    /// Reads one plain-PBM bit ('0' or '1'; whitespace between bits is optional).
    mutating func bit() throws(ImageError) -> UInt8 {
        skipSpace()
        guard !atEnd else { throw error("truncated data: the file ends inside the bitmap") }
        let byte = bytes[offset]
        guard byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1") else {
            throw error("expected a bit (0 or 1), found '\(Character(Unicode.Scalar(byte)))'")
        }
        advance()
        return byte - UInt8(ascii: "0")
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
