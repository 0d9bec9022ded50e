import CNNRender
import Testing

@testable import CNNTerminal

/// Direct output writes exactly what `DrawCost` counts as the minimum.
@Suite("Direct output")
struct DirectOutputTests {
    private static let plain = ResolvedStyle(bold: false, dim: false, reverse: false, underline: false, colors: nil)
    private static let boldRed = ResolvedStyle(
        bold: true, dim: false, reverse: false, underline: false,
        colors: ColorPairKey(foreground: 160, background: -1))

    @Test("only terminals with ECMA-48 cursor addressing take direct output")
    func usable() {
        #expect(DirectOutput.isUsable(cursorAddressing: "\u{1B}[%i%p1%d;%p2%dH"))
        #expect(!DirectOutput.isUsable(cursorAddressing: "\u{1B}=%p1%' '%+%c%p2%' '%+%c"))
        #expect(!DirectOutput.isUsable(cursorAddressing: nil))
    }

    @Test("SGR sequences: plain, attributes, 256 and 8 colours, default colours left out")
    func sgr() {
        #expect(DirectOutput.sgr(Self.plain, colors: 256) == "\u{1B}[m")
        #expect(DirectOutput.sgr(Self.boldRed, colors: 256) == "\u{1B}[0;1;38;5;160m")
        let eight = ResolvedStyle(
            bold: false, dim: true, reverse: true, underline: true, colors: ColorPairKey(foreground: 1, background: 4))
        #expect(DirectOutput.sgr(eight, colors: 8) == "\u{1B}[0;2;7;4;31;44m")
    }

    @Test("a draw's bytes equal DrawCost's minimum for the same runs")
    func matchesMinimum() {
        var output = DirectOutput(colors: 256, plain: Self.plain)
        var cost = DrawCost()
        var current = Self.plain
        let runs: [(row: Int, column: Int, items: [(Unicode.Scalar, ResolvedStyle)])] = [
            (0, 0, [("a", Self.plain), ("中", Self.boldRed), ("b", Self.boldRed)]),
            (9, 99, [("x", Self.plain), ("─", Self.boldRed)]),
        ]
        for run in runs {
            output.move(row: run.row, column: run.column)
            for (scalar, style) in run.items { output.put(scalar, style: style) }
            cost.add(
                row: run.row, column: run.column, items: run.items.map { ($0.0.utf8.count, $0.1) },
                current: &current
            ) { style in
                DrawCost.sgrBytes(
                    bold: style.bold, dim: style.dim, reverse: style.reverse, underline: style.underline,
                    foreground: style.colors.flatMap { $0.foreground >= 0 ? Int($0.foreground) : nil },
                    background: style.colors.flatMap { $0.background >= 0 ? Int($0.background) : nil },
                    colors: 256)
            }
        }
        output.finish()
        cost.finish(current: current, plain: Self.plain)
        let text = String(decoding: output.bytes, as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}[1;1Ha\u{1B}[0;1;38;5;160m中b\u{1B}[10;100H\u{1B}[mx"))
        #expect(text.hasSuffix("─\u{1B}[m"))
        #expect(output.bytes.count == cost.minimumBytes)
    }
}
