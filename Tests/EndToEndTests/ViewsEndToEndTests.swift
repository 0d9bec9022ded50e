import Foundation
import Testing

/// Every view of `cnnviz explore --view NAME` in a real terminal: it opens, steps, takes a
/// parameter change, and quits with the terminal restored.
@Suite("cnnviz explore views in tmux", .serialized, .enabled(if: Tmux.shouldRun, "tmux is not installed"))
struct ViewsEndToEndTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let view: String
        let arguments: [String]
        /// Text on the first screen.
        let opening: String
        /// A key that changes a parameter, and text that shows the change.
        let key: String
        let changed: String
        var testDescription: String { view }
    }

    static let cases: [Case] = [
        Case(
            view: "pool", arguments: ["--input", "4", "--fill", "pool-example"], opening: "max(1, 1, 5, 6) = 6",
            key: "m", changed: "(2 + 4 + 7 + 8) / 4 = 5.25"),
        Case(view: "stack", arguments: [], opening: "conv3,conv3,conv3 on 1×9×9", key: "I", changed: "on 1×10×10"),
        Case(view: "channels", arguments: [], opening: "= 19 + 37 = 56", key: "}", changed: "C_out 3"),
        Case(
            view: "transpose", arguments: [], opening: "(2−1)·2 − 2·0 + 1·(3−1) + 0 + 1 = 5", key: "U",
            changed: "output_padding 1"),
        Case(view: "matrix", arguments: [], opening: "M 4×16", key: "m", changed: "im2col"),
        Case(
            view: "backprop", arguments: [], opening: "dL/dK: dL/dY slides over the input", key: "x", changed: "flipped"
        ),
        Case(view: "1d", arguments: [], opening: "signal 16  kernel 3", key: "a", changed: "causal on"),
    ]

    @Test("opens, steps, changes a parameter and quits cleanly", arguments: cases)
    func view(_ item: Case) async throws {
        let tmux = try Tmux()
        try tmux.start(
            arguments: ["explore", "--view", item.view, "--paused"] + item.arguments, width: 100, height: 30)
        // The status line is the last row written: wait for it too, not only for the opening text.
        var screen = try await tmux.waitUntil(timeout: .seconds(15), "the first frame") {
            $0.contains(item.opening) && $0.contains("step 1/")
        }
        #expect(screen.contains("step 1/"))
        try tmux.sendKeys("Right")
        screen = try await tmux.waitUntil(contains: "step 2/")
        try tmux.sendKeys(item.key)
        screen = try await tmux.waitUntil(contains: item.changed)
        try tmux.sendKeys("?")
        try await tmux.waitUntil(contains: "any key closes this help")
        try tmux.sendKeys("Escape")
        try await tmux.waitUntil(timeout: .seconds(5), "help closed") { !$0.contains("any key closes this help") }
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("v cycles through every view and back to the first")
    func cycleViews() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["explore", "--paused"], width: 120, height: 40)
        try await tmux.waitUntil(contains: "cnnviz explore · convolution")
        for title in [
            "pooling", "receptive field stack", "channels", "transposed convolution", "convolution as a matrix",
            "backpropagation", "1-D convolution", "convolution",
        ] {
            try tmux.sendKeys("v")
            try await tmux.waitUntil(contains: "cnnviz explore · \(title) ")
        }
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
    }
}
