import CNNCore
import Testing

@Suite("the compact layer syntax")
struct LayerSyntaxTests {
    /// The message of the refusal `text` gets, or nil when it parses.
    func refusal(_ text: String) -> String? {
        do {
            _ = try LayerSyntax.parse(text)
            return nil
        } catch {
            guard case .invalidParameter(let name, let message) = error, name == "layers" else {
                return "wrong error \(error)"
            }
            return message
        }
    }

    @Test("the brief's example parses into convs, a pool and a dilated conv")
    func example() throws {
        let layers = try LayerSyntax.parse("conv3,conv3,pool2s2,conv3d2")
        #expect(
            layers == [
                LayerSpec(kind: .conv, kernel: 3),
                LayerSpec(kind: .conv, kernel: 3),
                LayerSpec(kind: .maxPool, kernel: 2, stride: 2),
                LayerSpec(kind: .conv, kernel: 3, dilation: 2),
            ])
        #expect(LayerSyntax.format(layers) == "conv3,conv3,maxpool2,conv3d2")
    }

    @Test("every suffix, in any order, with spaces around commas and any letter case")
    func suffixes() throws {
        let layers = try LayerSyntax.parse("  CONV5c16p2s2d3nobias ,\tmaxpool3s1p1d2 , avgpool2p1,pool4")
        #expect(
            layers == [
                LayerSpec(kind: .conv, kernel: 5, stride: 2, padding: 2, dilation: 3, outputChannels: 16, bias: false),
                LayerSpec(kind: .maxPool, kernel: 3, stride: 1, padding: 1, dilation: 2),
                LayerSpec(kind: .avgPool, kernel: 2, padding: 1),
                LayerSpec(kind: .maxPool, kernel: 4),
            ])
        #expect(LayerSyntax.format(layers) == "conv5s2p2d3c16nobias,maxpool3s1p1d2,avgpool2p1,maxpool4")
    }

    @Test("psame pads a stride-1 conv by d·(k−1)/2")
    func same() throws {
        #expect(try LayerSyntax.parse("conv3psame")[0].padding == 1)
        #expect(try LayerSyntax.parse("conv5psamed2")[0].padding == 4)
        let stack = try LayerStack(layers: try LayerSyntax.parse("conv7psame,conv3d3psame"), inputSize: [10, 12])
        #expect(stack.sizes == [[10, 12], [10, 12], [10, 12]])
    }

    @Test(
        "format and parse round-trip",
        arguments: [
            "conv3", "conv3,conv3,maxpool2,conv3d2", "conv1s4c64nobias", "maxpool3s2p1", "maxpool2s1d2",
            "avgpool5s3p2", "conv11s4p2c96,maxpool3s2,conv5p2c256,maxpool3s2,conv3p1c384",
        ])
    func roundTrip(text: String) throws {
        let layers = try LayerSyntax.parse(text)
        #expect(LayerSyntax.format(layers) == text)
        #expect(try LayerSyntax.parse(LayerSyntax.format(layers)) == layers)
    }

    @Test("specs built in code round-trip through the text form")
    func specRoundTrip() throws {
        let layers = [
            LayerSpec(kind: .conv, kernel: 2, stride: 3, padding: 0, dilation: 4, outputChannels: 5, bias: false),
            LayerSpec(kind: .maxPool, kernel: 3, stride: 3),
            LayerSpec(kind: .maxPool, kernel: 3, stride: 1),
            LayerSpec(kind: .avgPool, kernel: 4, stride: 2, padding: 2),
        ]
        #expect(try LayerSyntax.parse(LayerSyntax.format(layers)) == layers)
    }

    @Test("refusals name the token, its column and what would be valid")
    func errors() {
        #expect(
            refusal("conv3,conv3q")
                == "'conv3q' at column 7: unknown setting 'q'; a conv takes s<stride>, p<padding> or psame, d<dilation>, c<channels> and nobias, e.g. conv3s2p1c16 (column 12)"
        )
        #expect(
            refusal("conv3, dense4")
                == "'dense4' at column 8: should start with conv, pool, maxpool or avgpool, e.g. conv3 or pool2s2")
        #expect(
            refusal("conv3,,pool2")
                == "empty layer at column 7 (two commas in a row, or a comma at the end); put a layer such as conv3 or pool2 between commas"
        )
        #expect(refusal("conv3, ") != nil)
        #expect(refusal("") == "no layers given; write e.g. conv3,conv3,pool2s2")
        #expect(refusal("   ") == "no layers given; write e.g. conv3,conv3,pool2s2")
        #expect(refusal("convs2") == "'convs2' at column 1: needs a kernel size right after 'conv', e.g. conv3")
        #expect(
            refusal("pool2,conv3x3")
                == "'conv3x3' at column 7: kernels are square here: write conv3 for 3×3 (column 12)")
        #expect(refusal("conv3s") == "'conv3s' at column 1: 's' at column 6 needs a number, e.g. s2")
        #expect(refusal("conv3s0") == "'conv3s0' at column 1: stride 0 at column 7 must be at least 1")
        #expect(refusal("conv0") == "'conv0' at column 1: kernel size 0 at column 5 must be at least 1")
        #expect(refusal("conv3s2s3") == "'conv3s2s3' at column 1: gives 's' twice (column 8); give each setting once")
        #expect(
            refusal("conv3p1psame") == "'conv3p1psame' at column 1: gives 'p' twice (column 8); give each setting once")
        #expect(refusal("pool2c4")?.contains("pools keep the channel count") == true)
        #expect(refusal("avgpool2d2")?.contains("average pooling has no dilation") == true)
        #expect(refusal("maxpool2nobias")?.contains("pools have no bias") == true)
        #expect(refusal("conv3-1")?.hasPrefix("'conv3-1' at column 1: unexpected '-' at column 6") == true)
        #expect(refusal("conv4psame")?.contains("give p1 or p2") == true)
        #expect(refusal("conv3s2psame")?.contains("only at stride 1") == true)
        #expect(refusal("conv99999999999999999999999")?.contains("larger than 1000000") == true)
        #expect(refusal("conv1000001")?.contains("larger than 1000000") == true)
    }

    @Test("columns count characters, not bytes")
    func unicodeColumns() {
        #expect(refusal("conv3 ,  ×3")?.hasPrefix("'×3' at column 10") == true)
    }
}
