import CNNCore
import CNNRender
import CNNSandbox
import Testing

/// The stack view reads the network language of `cnnviz summary`: shape-keeping layers get table rows.
@Suite("Stack view: the network language")
struct StackViewNetworkLanguageTests {
    @Test("relu and bn are listed in the table after their level; bn counts 2·C parameters")
    func tableOnlyRows() throws {
        let screen = try StackViewTests.screen(layers: "conv3c4,bn,relu,maxpool2", input: 9)
        #expect(screen.setup.layers.count == 2)
        #expect(
            screen.setup.tableOnlyRows == [
                NetworkTableOnlyRow(afterLevel: 1, label: "bn", layer: .batchNorm),
                NetworkTableOnlyRow(afterLevel: 1, label: "relu", layer: .elementwise(.relu)),
            ])
        let lines = screen.render(width: 100, height: 40, options: StackViewTests.mono).canvas.lines
        #expect(screen.setup.layersText == "conv3c4,bn,relu,maxpool2")
        let conv = try #require(lines.firstIndex { $0.contains(" 1  conv3 ") })
        #expect(lines[conv + 1].contains("bn") && lines[conv + 1].contains("4×7×7") && lines[conv + 1].contains(" 8 "))
        #expect(lines[conv + 2].contains("relu"))
        #expect(lines[conv + 3].contains(" 2  maxpool2 s2"))
        #expect(lines.contains { $0.contains("total") && $0.contains(" 48 ") && $0.hasSuffix("1764") })
    }

    @Test("gap, flatten and fc after the last picture get rows with their shapes and costs in the total")
    func headRows() throws {
        let screen = try StackViewTests.screen(layers: "conv3c4,maxpool2,gap,flatten,fc10", input: 9)
        let lines = screen.render(width: 100, height: 40, options: StackViewTests.mono).canvas.lines
        #expect(lines.contains { $0.contains("gap") && $0.contains("4×1×1") })
        let fc = try #require(lines.last { $0.contains("fc10") })
        #expect(fc.contains(" 10 ") && fc.contains(" 50 ") && fc.hasSuffix(" 40"))
        #expect(lines.contains { $0.contains("total") && $0.contains(" 90 ") && $0.hasSuffix("1804") })
    }

    @Test("pairs the old syntax refused now read; layers without a picture are refused with a pointer")
    func newLanguage() throws {
        let screen = try StackViewTests.screen(layers: "conv3x3s1x1,relu", input: 9)
        #expect(screen.setup.layers == [LayerSpec(kind: .conv, kernel: 3)])
        do {
            _ = try StackViewTests.screen(layers: "conv3,up2")
            Issue.record("accepted up2")
        } catch {
            #expect(error.message.contains("column 7: 'up2'"))
            #expect(error.message.contains("cnnviz summary"))
        }
        do {
            _ = try StackViewTests.screen(layers: "conv3q")
            Issue.record("accepted conv3q")
        } catch {
            #expect(error.message.contains("'conv3q' at column 1: unknown setting 'q'"))
        }
    }
}
