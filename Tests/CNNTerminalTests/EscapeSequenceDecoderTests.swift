import Testing

@testable import CNNTerminal

/// Esc followed by a sequence ncurses did not recognise.
@Suite("Escape sequence decoding")
struct EscapeSequenceDecoderTests {
    private func tail(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test("a lone Esc is Escape; Esc + character is that character (Alt)")
    func loneEscape() {
        #expect(EscapeSequenceDecoder.decode([]) == .key(.escape))
        #expect(EscapeSequenceDecoder.decode(tail("x")) == .key(.character("x")))
        #expect(EscapeSequenceDecoder.decode([27]) == .key(.escape))
    }

    @Test("tmux and vt220 Home/End and other tilde keys")
    func tildeKeys() {
        #expect(EscapeSequenceDecoder.decode(tail("[1~")) == .key(.home))
        #expect(EscapeSequenceDecoder.decode(tail("[7~")) == .key(.home))
        #expect(EscapeSequenceDecoder.decode(tail("[4~")) == .key(.end))
        #expect(EscapeSequenceDecoder.decode(tail("[8~")) == .key(.end))
        #expect(EscapeSequenceDecoder.decode(tail("[3~")) == .key(.delete))
        #expect(EscapeSequenceDecoder.decode(tail("[5~")) == .key(.pageUp))
        #expect(EscapeSequenceDecoder.decode(tail("[6~")) == .key(.pageDown))
        #expect(EscapeSequenceDecoder.decode(tail("[15~")) == .key(.function(5)))
        #expect(EscapeSequenceDecoder.decode(tail("[17~")) == .key(.function(6)))
        #expect(EscapeSequenceDecoder.decode(tail("[24~")) == .key(.function(12)))
        #expect(EscapeSequenceDecoder.decode(tail("[2~")) == .ignored, "Insert is not used")
    }

    @Test("CSI and SS3 letter keys, with modifiers dropped")
    func letterKeys() {
        #expect(EscapeSequenceDecoder.decode(tail("[A")) == .key(.up))
        #expect(EscapeSequenceDecoder.decode(tail("OD")) == .key(.left))
        #expect(EscapeSequenceDecoder.decode(tail("OH")) == .key(.home))
        #expect(EscapeSequenceDecoder.decode(tail("[F")) == .key(.end))
        #expect(EscapeSequenceDecoder.decode(tail("[Z")) == .key(.backTab))
        #expect(EscapeSequenceDecoder.decode(tail("OP")) == .key(.function(1)))
        #expect(EscapeSequenceDecoder.decode(tail("OM")) == .key(.enter))
        #expect(EscapeSequenceDecoder.decode(tail("[1;5C")) == .key(.right))
    }

    @Test("unknown sequences are ignored rather than read as Escape plus keys")
    func unknown() {
        #expect(EscapeSequenceDecoder.decode(tail("[I")) == .ignored)
        #expect(EscapeSequenceDecoder.decode(tail("[<0;10;5M")) == .ignored)
        #expect(EscapeSequenceDecoder.decode(tail("[99~")) == .ignored)
        #expect(EscapeSequenceDecoder.decode(tail("Ox")) == .ignored)
    }

    @Test("completeness: stops at the CSI final byte, after SS3 + 1, after Alt + 1")
    func completeness() {
        #expect(!EscapeSequenceDecoder.isComplete([]))
        #expect(!EscapeSequenceDecoder.isComplete(tail("[")))
        #expect(!EscapeSequenceDecoder.isComplete(tail("[1")))
        #expect(!EscapeSequenceDecoder.isComplete(tail("[1;5")))
        #expect(EscapeSequenceDecoder.isComplete(tail("[1~")))
        #expect(EscapeSequenceDecoder.isComplete(tail("[1;5C")))
        #expect(!EscapeSequenceDecoder.isComplete(tail("O")))
        #expect(EscapeSequenceDecoder.isComplete(tail("OH")))
        #expect(EscapeSequenceDecoder.isComplete(tail("x")))
    }
}
