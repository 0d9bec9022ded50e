import CNNCore
import Testing

/// The language itself: case, spaces, pairs, defaults, and the old stack syntax as a subset.
@Suite("Network layer language")
struct NetworkLanguageTests {
    @Test("every string the stack syntax accepts means the same here")
    func supersetOfStackSyntax() throws {
        let strings = [
            "conv3", "conv3,conv3,pool2s2,conv3d2", "conv5s2p2c16nobias", "maxpool3s2p1d2", "avgpool3s2p1",
            "conv3psame", "conv3psamed2", "CONV3 , Pool2", "pool3", "conv1c8",
        ]
        for text in strings {
            let old = try LayerSyntax.parse(text)
            let new = try NetworkParser.parse(text)
            #expect(old.count == new.count, "\(text)")
            for (spec, node) in zip(old, new) {
                let window: NetworkWindow
                switch node.layer {
                case .conv(let conv):
                    #expect(spec.kind == .conv, "\(text)")
                    #expect(conv.channels == spec.outputChannels && conv.bias == spec.bias, "\(text)")
                    window = conv.window
                case .pool(let pool):
                    #expect(spec.kind == (pool.isMax ? .maxPool : .avgPool), "\(text)")
                    window = pool.window
                default:
                    Issue.record("\(text): \(node.text) is not a window layer")
                    continue
                }
                #expect(window.kernel == NetworkPair(spec.kernel), "\(text)")
                #expect(window.stride == NetworkPair(spec.stride), "\(text)")
                #expect(window.padding == NetworkPair(spec.padding), "\(text)")
                #expect(window.dilation == NetworkPair(spec.dilation), "\(text)")
            }
        }
    }

    @Test("pairs, spaces around commas and bars, newlines, case")
    func spellings() throws {
        let nodes = try NetworkParser.parse(" CONV3x1S2x1 ,\n res( conv1 , BN | conv1s2 ) ,Relu")
        #expect(nodes.map(\.column) == [2, 17, 46])
        guard case .conv(let conv) = nodes[0].layer else {
            Issue.record("not a conv")
            return
        }
        #expect(conv.window.kernel == NetworkPair(3, 1) && conv.window.stride == NetworkPair(2, 1))
        guard case .residual(let body, let shortcut) = nodes[1].layer else {
            Issue.record("not a block")
            return
        }
        #expect(body.map(\.text) == ["conv1", "BN"])
        #expect(shortcut.map(\.text) == ["conv1s2"])
        #expect(nodes[2].layer == .elementwise(.relu))
    }

    @Test("parameters and multiplications of every layer kind")
    func costs() throws {
        let input = NetworkShape.spatial(channels: 4, rows: 8, columns: 8)
        func row(_ text: String) throws -> NetworkRow {
            try #require(try NetworkSummary.make(input: input, layers: text).rows.last)
        }
        #expect(try row("conv3c8").params == 8 * 4 * 9 + 8)
        #expect(try row("conv3c8").mults == 8 * 6 * 6 * 4 * 9)
        #expect(try row("conv3c8g2nobias").params == 8 * 2 * 9)
        #expect(try row("conv3p1dw").params == 4 * 9 + 4)
        #expect(try row("convt2s2c6").params == 4 * 6 * 4 + 6)
        #expect(try row("convt2s2c6").output == .spatial(channels: 6, rows: 16, columns: 16))
        #expect(try row("convt2s2c6").mults == 4 * 8 * 8 * 6 * 4)
        #expect(try row("convt3s2p1op1").output == .spatial(channels: 4, rows: 16, columns: 16))
        #expect(try row("bn").params == 8)
        #expect(try row("flatten,bn").params == 512)
        #expect(try row("flatten,fc10").params == 2570)
        #expect(try row("flatten,fc10nobias").mults == 2560)
        #expect(try row("gap,fc10").output == .flat(10))
        #expect(try row("up2x3").output == .spatial(channels: 4, rows: 16, columns: 24))
        #expect(try row("maxpool3s2ceil").output == .spatial(channels: 4, rows: 4, columns: 4))
        #expect(try row("maxpool3s2").output == .spatial(channels: 4, rows: 3, columns: 3))
        #expect(try row("avgpool3s2p1nopad").output == .spatial(channels: 4, rows: 4, columns: 4))
        #expect(try row("gmp").output == .spatial(channels: 4, rows: 1, columns: 1))
        for word in ["relu", "sigmoid", "tanh", "dropout"] {
            #expect(try row(word).params == 0 && row(word).output == input)
        }
    }
}
