import Testing

@testable import CNNTerminal

/// Bytes that are not UTF-8 are dropped and the next key decodes at once.
@Suite("UTF-8 input decoder")
struct UTF8InputDecoderTests {
    /// Feeds `bytes` one by one and collects the characters that come out.
    private func decode(_ bytes: [UInt8]) -> String {
        var decoder = UTF8InputDecoder()
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if let scalar = decoder.feed(byte) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    @Test("ASCII and whole 2-, 3- and 4-byte characters come through")
    func valid() {
        #expect(decode(Array("aé中😀z".utf8)) == "aé中😀z")
    }

    @Test("a Latin-1 é (0xE9) followed by letters is dropped; the letters arrive")
    func latin1() {
        #expect(decode([0x61, 0xE9, 0x62, 0x63]) == "abc")
        #expect(decode([0xE9, 0x6C]) == "l")
    }

    @Test("a lone continuation byte and bytes UTF-8 never uses are dropped")
    func strayBytes() {
        #expect(decode([0x80, 0x61, 0xBF, 0xC0, 0xC1, 0xF5, 0xFF, 0x62]) == "ab")
    }

    @Test("a sequence cut short by the next character is dropped, that character kept")
    func truncated() {
        #expect(decode([0xE4, 0xB8, 0x71]) == "q")
        #expect(decode([0xC3, 0xE4, 0xB8, 0xAD]) == "中")
    }

    @Test("overlong forms, surrogates and values above U+10FFFF are refused")
    func refusedForms() {
        #expect(decode([0xE0, 0x80, 0x80, 0x61]) == "a")
        #expect(decode([0xED, 0xA0, 0x80, 0x62]) == "b")
        #expect(decode([0xF4, 0x90, 0x80, 0x80, 0x63]) == "c")
    }

    @Test("reset drops a pending character")
    func reset() {
        var decoder = UTF8InputDecoder()
        #expect(decoder.feed(0xC3) == nil)
        #expect(decoder.isPending)
        decoder.reset()
        #expect(!decoder.isPending)
        #expect(decoder.feed(0xA9) == nil, "a continuation byte after reset starts nothing")
        #expect(decoder.feed(0x61) == "a")
    }
}
