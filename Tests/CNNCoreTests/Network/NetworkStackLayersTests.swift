import CNNCore
import Testing

/// The network language read for the stack view.
@Suite("Network language for the stack view")
struct NetworkStackLayersTests {
    @Test("square convolutions and pools become stack layers; relu, bn … become table-only rows")
    func split() throws {
        let parsed = try NetworkStackLayers.parse("bn,conv3s2p1c8nobias,relu,dropout,maxpool3s2p1,avgpool2")
        #expect(
            parsed.layers == [
                LayerSpec(kind: .conv, kernel: 3, stride: 2, padding: 1, outputChannels: 8, bias: false),
                LayerSpec(kind: .maxPool, kernel: 3, stride: 2, padding: 1), LayerSpec(kind: .avgPool, kernel: 2),
            ])
        #expect(parsed.tableOnly.map(\.afterLevel) == [0, 1, 1])
        #expect(parsed.tableOnly.map(\.label) == ["bn", "relu", "dropout"])
    }

    @Test("gap, flatten and fc after the last pictured layer are table rows with their own costs")
    func head() throws {
        let parsed = try NetworkStackLayers.parse("conv3c4,gap,flatten,fc10")
        #expect(parsed.layers.count == 1)
        #expect(parsed.tableOnly.map(\.afterLevel) == [1, 1, 1])
        let fc = try #require(parsed.tableOnly.last)
        #expect(fc.cost(input: [4])?.params == 50)
        #expect(fc.cost(input: [4])?.output == .flat(10))
        #expect(fc.cost(input: [4, 3, 3]) == nil)
        #expect(parsed.tableOnly[0].cost(input: [4, 7, 7])?.output == .spatial(channels: 4, rows: 1, columns: 1))
    }

    @Test("layers the stack view cannot picture are refused with their column")
    func refusals() {
        for (text, column) in [
            ("conv3,up2", 7), ("conv3x1", 1), ("conv3g2", 1), ("relu,res(conv3p1)", 6), ("conv3,flatten,conv3", 15),
            ("relu", 0),
        ] {
            do {
                _ = try NetworkStackLayers.parse(text)
                Issue.record("accepted \(text)")
            } catch {
                if column > 0 {
                    #expect(error.message.contains("column \(column): "), "\(error)")
                    #expect(error.message.contains("cnnviz summary"), "\(error)")
                } else {
                    #expect(error.message.contains("no conv or pool layer"), "\(error)")
                }
            }
        }
    }
}
