import CNCurses
import Testing

@testable import CNNTerminal

/// `wget_wch` results → keys.
@Suite("Key decoding")
struct KeyDecoderTests {
    @Test("characters: Tab, Enter (CR and LF), Esc, Backspace (127 and 8), printable and Unicode")
    func characters() {
        #expect(KeyDecoder.decode(status: OK, code: 9) == .key(.tab))
        #expect(KeyDecoder.decode(status: OK, code: 13) == .key(.enter))
        #expect(KeyDecoder.decode(status: OK, code: 10) == .key(.enter))
        #expect(KeyDecoder.decode(status: OK, code: 27) == .key(.escape))
        #expect(KeyDecoder.decode(status: OK, code: 127) == .key(.backspace))
        #expect(KeyDecoder.decode(status: OK, code: 8) == .key(.backspace))
        #expect(KeyDecoder.decode(status: OK, code: 0x71) == .key(.character("q")))
        #expect(KeyDecoder.decode(status: OK, code: 0x20) == .key(.character(" ")))
        #expect(KeyDecoder.decode(status: OK, code: 0xE9) == .key(.character("é")))
        #expect(KeyDecoder.decode(status: OK, code: 0x2190) == .key(.character("←")))
    }

    @Test("control characters become .control with the lowercase letter")
    func controls() {
        #expect(KeyDecoder.decode(status: OK, code: 1) == .key(.control("a")))
        #expect(KeyDecoder.decode(status: OK, code: 12) == .key(.control("l")))
        #expect(KeyDecoder.decode(status: OK, code: 26) == .key(.control("z")))
        #expect(KeyDecoder.decode(status: OK, code: 0) == .key(.control("@")))
        #expect(KeyDecoder.decode(status: OK, code: 31) == .key(.control("_")))
    }

    @Test("C1 controls and invalid scalars are ignored")
    func ignoredCharacters() {
        #expect(KeyDecoder.decode(status: OK, code: 0x9B) == .ignored)
        #expect(KeyDecoder.decode(status: OK, code: 0xD800) == .ignored)
        #expect(KeyDecoder.decode(status: OK, code: 0x11_0000) == .ignored)
    }

    @Test("ncurses key codes map to named keys")
    func keyCodes() {
        let expected: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_HOME, .home), (KEY_END, .end), (KEY_FIND, .home), (KEY_SELECT, .end),
            (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_BTAB, .backTab), (KEY_ENTER, .enter),
            (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_F0 + 1, .function(1)),
            (KEY_F0 + 12, .function(12)),
        ]
        for (code, key) in expected {
            #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(code)) == .key(key), "code \(code)")
        }
    }

    @Test("KEY_RESIZE and KEY_MOUSE are handed to the screen; unknown codes are ignored")
    func specialCodes() {
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(KEY_RESIZE)) == .resize)
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(KEY_MOUSE)) == .mouse)
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(KEY_F0)) == .ignored)
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(KEY_IC)) == .ignored)
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: 0x71) == .ignored, "a key code is not a character")
    }

    @Test("mouse: button 1 press or click counts, release and other buttons do not")
    func mouseButtons() {
        let pressed = UInt32(truncatingIfNeeded: cnn_button1_pressed())
        let clicked = UInt32(truncatingIfNeeded: cnn_button1_clicked())
        let released = UInt32(truncatingIfNeeded: cnn_button1_released())
        #expect(KeyDecoder.isLeftPress(buttonState: pressed, pressedMask: pressed, clickedMask: clicked))
        #expect(KeyDecoder.isLeftPress(buttonState: clicked, pressedMask: pressed, clickedMask: clicked))
        #expect(!KeyDecoder.isLeftPress(buttonState: released, pressedMask: pressed, clickedMask: clicked))
        #expect(!KeyDecoder.isLeftPress(buttonState: pressed << 6, pressedMask: pressed, clickedMask: clicked))
    }
}
