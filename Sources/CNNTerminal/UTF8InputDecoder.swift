/// Turns the bytes typed at the terminal into characters, dropping whatever is not UTF-8:
/// a byte that cannot start a character (a Latin-1 é, 0xE9 followed by a letter; a lone
/// continuation byte; 0xC0, 0xC1, 0xF5…0xFF), an overlong or surrogate form, or a sequence cut
/// short by the next character. Only the bad bytes go; the next key decodes at once. Pure.
struct UTF8InputDecoder: Sendable {
    /// The bytes of the character being read.
    private var pending: [UInt8] = []
    /// How many bytes the character being read has in all.
    private var expected = 0

    /// Whether a character has started and needs more bytes.
    var isPending: Bool { !pending.isEmpty }

    /// Feeds one byte; returns the character it completes, if any. A byte that does not
    /// continue the pending character drops that character and starts afresh.
    mutating func feed(_ byte: UInt8) -> Unicode.Scalar? {
        if isPending {
            if byte & 0xC0 == 0x80 && allowed(byte, position: pending.count) {
                pending.append(byte)
                guard pending.count == expected else { return nil }
                let scalar = Self.scalar(from: pending)
                reset()
                return scalar
            }
            reset()  // cut short: drop it, and read this byte as a new start
        }
        switch byte {
        case 0x00...0x7F:
            return Unicode.Scalar(byte)
        case 0xC2...0xDF:
            expected = 2
        case 0xE0...0xEF:
            expected = 3
        case 0xF0...0xF4:
            expected = 4
        default:
            return nil  // a continuation byte without a start, or a byte UTF-8 never uses
        }
        pending = [byte]
        return nil
    }

    /// Drops a pending, unfinished character (nothing more arrived).
    mutating func reset() {
        pending.removeAll(keepingCapacity: true)
        expected = 0
    }

    /// Whether `byte` may stand at `position` (1, 2 or 3) after the start byte: the second
    /// byte is limited so that overlong forms, surrogates and values above U+10FFFF are refused.
    private func allowed(_ byte: UInt8, position: Int) -> Bool {
        guard position == 1, let first = pending.first else { return true }
        switch first {
        case 0xE0: return byte >= 0xA0
        case 0xED: return byte <= 0x9F
        case 0xF0: return byte >= 0x90
        case 0xF4: return byte <= 0x8F
        default: return true
        }
    }

    /// The scalar of a complete, valid sequence.
    private static func scalar(from bytes: [UInt8]) -> Unicode.Scalar? {
        var value: UInt32
        switch bytes.count {
        case 2: value = UInt32(bytes[0] & 0x1F)
        case 3: value = UInt32(bytes[0] & 0x0F)
        default: value = UInt32(bytes[0] & 0x07)
        }
        for byte in bytes.dropFirst() { value = value << 6 | UInt32(byte & 0x3F) }
        return Unicode.Scalar(value)
    }
}
