import Foundation

extension JSONValue {
    /// What a bare `NaN`, `Infinity` or `-Infinity` becomes while parsing: a string that no
    /// ordinary JSON text holds (it starts with U+0000), turned back into a number on decoding.
    static let nonFiniteMarker = "\u{0}cnnviz-non-finite:"

    /// PyTorch's reference files are written by Python's `json.dump`, which writes the
    /// non-standard tokens `NaN`, `Infinity` and `-Infinity` (a max pooling window that lies
    /// wholly in the padding gives −∞). Quotes those tokens outside strings with
    /// `nonFiniteMarker` so the standard decoder accepts them; returns `data` unchanged when
    /// there are none.
    static func quotingNonFiniteNumbers(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        let tokens: [[UInt8]] = [Array("-Infinity".utf8), Array("Infinity".utf8), Array("NaN".utf8)]
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        var out: [UInt8] = []
        var index = 0
        var inString = false
        var changed = false
        out.reserveCapacity(bytes.count)
        scan: while index < bytes.count {
            let byte = bytes[index]
            if inString {
                out.append(byte)
                if byte == backslash, index + 1 < bytes.count {
                    out.append(bytes[index + 1])
                    index += 2
                    continue
                }
                if byte == quote { inString = false }
                index += 1
                continue
            }
            if byte == quote { inString = true }
            for token in tokens where bytes[index...].starts(with: token) {
                out += Array("\"\\u0000cnnviz-non-finite:".utf8) + token + [quote]
                index += token.count
                changed = true
                continue scan
            }
            out.append(byte)
            index += 1
        }
        return changed ? Data(out) : data
    }

    /// The number a `nonFiniteMarker` string stands for, or nil for an ordinary string.
    static func nonFiniteNumber(_ text: String) -> Double? {
        guard text.hasPrefix(nonFiniteMarker) else { return nil }
        switch text.dropFirst(nonFiniteMarker.count) {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return nil
        }
    }
}
