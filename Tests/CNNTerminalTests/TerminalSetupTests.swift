import Testing

@testable import CNNTerminal

/// The locale choice and the refusal hints, decided before the terminal is touched.
@Suite("Terminal setup")
struct TerminalSetupTests {
    @Test("the chosen locale follows POSIX precedence; empty values do not count")
    func chosenLocale() {
        let environment: [String: String] = ["LC_ALL": "", "LC_CTYPE": "C", "LANG": "en_US.UTF-8"]
        #expect(TerminalLocale.chosenLocale { environment[$0] } == "C")
        #expect(TerminalLocale.chosenLocale { ["LANG": "C.UTF-8"][$0] } == "C.UTF-8")
        #expect(TerminalLocale.chosenLocale { _ in nil } == nil)
    }

    @Test("the hint for refusals is what the command says works without a terminal")
    func hint() {
        var options = TerminalOptions()
        options.notATerminalMessage = "cnnviz explore needs a terminal; use --frame N to print a frame as text"
        #expect(options.withoutTerminalHint == "use --frame N to print a frame as text")
        options.notATerminalMessage = "cnnviz keys needs a terminal"
        #expect(options.withoutTerminalHint.contains("--frame"))
    }
}
