/// Decodes what follows an Esc that ncurses did not recognise (a sequence missing from the
/// terminfo entry, as with TERM=xterm-256color inside tmux or screen). Pure.
enum EscapeSequenceDecoder {
    /// The longest tail read after Esc.
    static let maximumLength = 16

    /// Whether `tail` (the characters after Esc) is a whole sequence: Esc + one character,
    /// SS3 (`O` + one character) or CSI (`[`, parameters, then a final byte @…~).
    static func isComplete(_ tail: [UInt32]) -> Bool {
        guard let first = tail.first else { return false }
        switch first {
        case 0x5B:  // [
            guard tail.count >= 2, let last = tail.last else { return false }
            return (0x40...0x7E).contains(last) && !(tail.count == 2 && last == 0x5B)
        case 0x4F:  // O
            return tail.count >= 2
        default:
            return true
        }
    }

    /// The key for Esc followed by `tail`: plain Esc when nothing followed, the character
    /// itself for Alt+character, the named key for known CSI/SS3 sequences, and `.ignored`
    /// for sequences the layer does not use.
    static func decode(_ tail: [UInt32]) -> DecodedInput {
        guard let first = tail.first else { return .key(.escape) }
        let text = String(String.UnicodeScalarView(tail.compactMap(Unicode.Scalar.init)))
        switch first {
        case 0x5B: return decodeCSI(String(text.dropFirst()))
        case 0x4F where tail.count >= 2: return decodeSS3(String(text.dropFirst()))
        default: return tail.count == 1 ? KeyDecoder.decodeCharacter(first) : .ignored
        }
    }

    /// CSI sequences: `A`…`D`, `H`, `F`, `Z`, `n~`, and `1;mX` (modifiers dropped).
    private static func decodeCSI(_ body: String) -> DecodedInput {
        guard let final = body.last else { return .ignored }
        let parameters = body.dropLast().split(separator: ";").map { Int($0) }
        if final == "~" {
            guard let number = parameters.first ?? nil else { return .ignored }
            return tildeKey(number).map(DecodedInput.key) ?? .ignored
        }
        if parameters.count > 2 || parameters.contains(nil) { return .ignored }
        return letterKey(final).map(DecodedInput.key) ?? .ignored
    }

    /// SS3 sequences: `OA`…`OD`, `OH`, `OF`, `OM`, `OP`…`OS`.
    private static func decodeSS3(_ body: String) -> DecodedInput {
        guard body.count == 1, let final = body.first else { return .ignored }
        if final == "M" { return .key(.enter) }
        return letterKey(final).map(DecodedInput.key) ?? .ignored
    }

    /// Keys named by a final letter.
    private static func letterKey(_ final: Character) -> Key? {
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "P": return .function(1)
        case "Q": return .function(2)
        case "R": return .function(3)
        case "S": return .function(4)
        default: return nil
        }
    }

    /// Keys of the `CSI n ~` form (vt220 and xterm numbering).
    private static func tildeKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: return .home
        case 4, 8: return .end
        case 3: return .delete
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(number - 10)
        case 17...21: return .function(number - 11)
        case 23, 24: return .function(number - 12)
        default: return nil
        }
    }
}
