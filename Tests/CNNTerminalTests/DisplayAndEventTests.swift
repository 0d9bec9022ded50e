import Testing

@testable import CNNTerminal

#if canImport(Glibc)
    import Glibc
#endif

/// Characters actually sent, event descriptions, and exit statuses.
@Suite("Display characters and events")
struct DisplayAndEventTests {
    @Test("UTF-8 terminals get the character; control characters become ?")
    func unicode() {
        #expect(DisplayCharacter.resolve("┼", unicode: true) == "┼")
        #expect(DisplayCharacter.resolve("a", unicode: true) == "a")
        #expect(DisplayCharacter.resolve("\u{7}", unicode: true) == "?")
        #expect(DisplayCharacter.resolve("\u{9B}", unicode: true) == "?")
    }

    @Test("without UTF-8, box drawing, blocks and symbols become ASCII look-alikes")
    func ascii() {
        #expect(DisplayCharacter.resolve("─", unicode: false) == "-")
        #expect(DisplayCharacter.resolve("│", unicode: false) == "|")
        #expect(DisplayCharacter.resolve("┌", unicode: false) == "+")
        #expect(DisplayCharacter.resolve("╬", unicode: false) == "+")
        #expect(DisplayCharacter.resolve("█", unicode: false) == "#")
        #expect(DisplayCharacter.resolve("×", unicode: false) == "x")
        #expect(DisplayCharacter.resolve("→", unicode: false) == ">")
        #expect(DisplayCharacter.resolve("é", unicode: false) == "?")
        #expect(DisplayCharacter.resolve("q", unicode: false) == "q")
    }

    @Test("event descriptions read as the keys screen shows them")
    func descriptions() {
        #expect(InputEvent.key(.right).description == "key right")
        #expect(InputEvent.key(.pageDown).description == "key page down")
        #expect(InputEvent.key(.function(5)).description == "key F5")
        #expect(InputEvent.key(.control("x")).description == "key ctrl-x")
        #expect(InputEvent.key(.character("a")).description == "key 'a'")
        #expect(InputEvent.mouse(row: 3, column: 10).description == "mouse row 3 column 10")
        #expect(InputEvent.resize(width: 100, height: 30).description == "resize 100×30")
        #expect(InputEvent.terminate(signal: 15).description == "terminate signal 15")
    }

    @Test("exit status after a signal is 128 + signal: 130, 143, 129")
    func exitStatus() {
        #expect(TerminalSession.exitStatus(for: SIGINT) == 130)
        #expect(TerminalSession.exitStatus(for: SIGTERM) == 143)
        #expect(TerminalSession.exitStatus(for: SIGHUP) == 129)
    }

    @Test("run refuses to start when standard input or output is not a terminal (as under swift test)")
    @MainActor
    func notATerminal() throws {
        guard isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 else { return }
        var options = TerminalOptions()
        options.notATerminalMessage = "needs a terminal (test)"
        var bodyRan = false
        #expect {
            try TerminalSession.run(options: options) { _ in bodyRan = true }
        } throws: { error in
            (error as? TerminalError)?.message == "needs a terminal (test)"
        }
        #expect(!bodyRan)
    }
}
