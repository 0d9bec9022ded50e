import CNNCore
import Testing

/// Every kind of bad layer string and impossible shape: one line, the exact column, the token, a way out.
@Suite("Network layer string refusals")
struct NetworkErrorTests {
    /// A refusal expected for a string: the column and words the message must hold.
    struct Refusal: CustomTestStringConvertible, Sendable {
        var layers: String
        var column: Int
        var words: [String]
        var input = NetworkShape.spatial(channels: 3, rows: 16, columns: 16)
        var testDescription: String { layers }
    }

    static let refusals: [Refusal] = [
        Refusal(layers: "", column: 1, words: ["no layers"]),
        Refusal(layers: "   ", column: 1, words: ["no layers"]),
        Refusal(layers: "conv3,,relu", column: 7, words: ["empty layer"]),
        Refusal(layers: "conv3, ", column: 8, words: ["empty layer"]),
        Refusal(layers: "res()", column: 5, words: ["empty layer"]),
        Refusal(layers: "res(conv3p1 | )", column: 15, words: ["empty layer"]),
        Refusal(layers: "foo3", column: 1, words: ["'foo3'", "unknown layer", "conv, convt"]),
        Refusal(layers: "conv3,relu2", column: 11, words: ["'relu2'", "relu takes no settings"]),
        Refusal(layers: "gap1", column: 4, words: ["'gap1'", "gap takes no settings"]),
        Refusal(layers: "conv", column: 5, words: ["'conv'", "kernel size", "conv3"]),
        Refusal(layers: "maxpool", column: 8, words: ["kernel size", "maxpool3"]),
        Refusal(layers: "up", column: 3, words: ["upsampling factor", "up2"]),
        Refusal(layers: "flatten,fc", column: 11, words: ["output count", "fc10"]),
        Refusal(layers: "conv3q", column: 6, words: ["'conv3q'", "'q' is not a setting of conv", "s<stride>"]),
        Refusal(layers: "conv3s2s2", column: 8, words: ["'s' twice"]),
        Refusal(layers: "conv3psamep1", column: 11, words: ["'p' twice"]),
        Refusal(layers: "conv3g3dw", column: 8, words: ["'g' twice"]),
        Refusal(layers: "conv3s", column: 6, words: ["'s' needs a number", "s2"]),
        Refusal(layers: "conv3c2x2", column: 8, words: ["one number", "c2"]),
        Refusal(layers: "conv3p1x", column: 8, words: ["second number"]),
        Refusal(layers: "conv12345678", column: 5, words: ["larger than 1000000"]),
        Refusal(layers: "conv0", column: 5, words: ["at least 1"]),
        Refusal(layers: "conv3s0", column: 7, words: ["stride 0", "at least 1"]),
        Refusal(layers: "maxpool3c4", column: 9, words: ["pools keep the channel count"]),
        Refusal(layers: "avgpool3d2", column: 9, words: ["no dilation"]),
        Refusal(layers: "maxpool3nopad", column: 9, words: ["'nopad' is not a setting of maxpool"]),
        Refusal(layers: "convt3psame", column: 7, words: ["psame is for conv only"]),
        Refusal(layers: "conv3dwceil", column: 8, words: ["'ceil' is not a setting of conv"]),
        Refusal(layers: "flatten,fc10s2", column: 13, words: ["fc takes only nobias"]),
        Refusal(layers: "conv4psame", column: 1, words: ["odd span", "p1 or p2"]),
        Refusal(layers: "conv3s2psame", column: 1, words: ["stride 1"]),
        Refusal(layers: "up2x", column: 4, words: ["'up2x'", "up takes only a factor"]),
        Refusal(layers: "res(conv3", column: 4, words: ["never closed"]),
        Refusal(layers: "conv3)", column: 6, words: ["')' without a matching 'res('"]),
        Refusal(layers: "conv3 | relu", column: 7, words: ["'|'", "inside res("]),
        Refusal(layers: "res(conv3p1|relu|relu)", column: 17, words: ["one '|'"]),
        Refusal(layers: "relu(conv3)", column: 5, words: ["only res takes parentheses"]),
        Refusal(layers: "(conv3)", column: 1, words: ["only res takes parentheses"]),
        Refusal(layers: "conv3 relu", column: 7, words: ["'r' cannot follow a layer", "commas"]),
        Refusal(layers: "conv3;relu", column: 6, words: ["';' is not a setting of conv"]),
        Refusal(layers: "relu,conv17", column: 6, words: ["'conv17'", "spans 17 rows", "only 16"]),
        Refusal(layers: "maxpool2p2", column: 1, words: ["more than half"]),
        Refusal(layers: "convt3op1", column: 1, words: ["output padding 1", "stride 1"]),
        Refusal(layers: "convt3p9", column: 1, words: ["lower the padding"]),
        Refusal(layers: "conv3g2", column: 1, words: ["2 groups", "3 channels"]),
        Refusal(layers: "conv3c4g3", column: 1, words: ["4 output channels"]),
        Refusal(layers: "conv3c4dw", column: 1, words: ["multiple of 3"]),
        Refusal(layers: "conv3,fc10", column: 7, words: ["'fc10'", "3×14×14", "flatten"]),
        Refusal(layers: "flatten,conv3", column: 9, words: ["'conv3'", "flat vector of 768", "before flatten"]),
        Refusal(layers: "gap,flatten,maxpool2", column: 13, words: ["pooling needs"]),
        Refusal(layers: "flatten,up2", column: 9, words: ["upsampling needs"]),
        Refusal(layers: "flatten,gap", column: 9, words: ["global pooling needs"]),
        Refusal(
            layers: "relu,res(conv3s2p1c8)", column: 6,
            words: ["8×8×8", "3×16×16", "projection", "conv1s2c8nobias,bn"]),
        Refusal(layers: "res(conv3p1c8 | conv1c4)", column: 1, words: ["8×16×16", "4×16×16"]),
        Refusal(
            layers: "flatten", column: 1, words: ["'flatten'", "size above"],
            input: .spatial(channels: 1_000_000, rows: 1_000_000, columns: 1_000)),
        Refusal(
            layers: "relu,conv1000000c1000000", column: 6, words: ["weight count", "larger than"],
            input: .spatial(channels: 1_000_000, rows: 1_000_000, columns: 1_000_000)),
        Refusal(
            layers: "relu,up2,up2", column: 10, words: ["'up2'", "size above"],
            input: .spatial(channels: 1, rows: 1 << 30, columns: 1)),
        Refusal(
            layers: "up64,up128", column: 6,
            words: ["'up128'", "repeats only every 8192", "more than 1024", "smaller upsampling"]),
    ]

    @Test("each bad string is refused at its column with a one-line message", arguments: refusals)
    func refusal(_ refusal: Refusal) {
        do {
            let summary = try NetworkSummary.make(input: refusal.input, layers: refusal.layers)
            Issue.record("accepted \(refusal.layers): \(summary.output.text)")
        } catch {
            #expect(error.column == refusal.column, "\(error)")
            #expect(!error.description.contains("\n"), "\(error)")
            #expect(error.description.hasPrefix("column \(refusal.column): "))
            for word in refusal.words {
                #expect(error.problem.contains(word), "\(error) lacks \(word)")
            }
        }
    }

    @Test("nesting, length and layer count are bounded")
    func bounds() {
        let deep = String(repeating: "res(", count: 9) + "relu" + String(repeating: ")", count: 9)
        #expect(throws: NetworkSpecError.self) { try NetworkParser.parse(deep) }
        let many = Array(repeating: "relu", count: NetworkParser.maximumLayers + 1).joined(separator: ",")
        #expect(throws: NetworkSpecError.self) { try NetworkParser.parse(many) }
        let long = String(repeating: " ", count: NetworkParser.maximumLength + 1)
        #expect(throws: NetworkSpecError.self) { try NetworkParser.parse(long) }
    }

    @Test("a column in a multi-line string maps to line and column")
    func lineAndColumn() {
        let text = "conv3,\n  relu,\n  conv3q"
        do {
            _ = try NetworkParser.parse(text)
            Issue.record("accepted")
        } catch {
            #expect(error.lineAndColumn(in: text) == (line: 3, column: 8))
        }
    }
}

/// Sizes at the edges of the integers: refused with a message, never a trap.
@Suite("Network arithmetic at the limits")
struct NetworkLimitTests {
    @Test("strides that multiply past Int.max refuse the receptive field instead of trapping")
    func hugeStrides() {
        let layers = Array(repeating: "conv1s1000000", count: 4).joined(separator: ",")
        #expect(throws: NetworkSpecError.self) {
            try NetworkSummary.make(input: .spatial(channels: 1, rows: 1, columns: 1), layers: layers)
        }
        let wide = Array(repeating: "conv3p1000000s1000000", count: 4).joined(separator: ",")
        #expect(throws: NetworkSpecError.self) {
            try NetworkSummary.make(input: .spatial(channels: 1, rows: 1, columns: 1), layers: wide)
        }
    }

    @Test("an input size of 0 or above 2^31 is refused")
    func badInput() {
        for input in [
            NetworkShape.spatial(channels: 0, rows: 4, columns: 4), .spatial(channels: 1, rows: Int.max, columns: 1),
        ] {
            #expect(throws: NetworkSpecError.self) { try NetworkSummary.make(input: input, layers: "relu") }
        }
    }
}
