/// One layer word of the network language, e.g. `conv3s2p1c16` or `fc10nobias`, and its parser.
struct NetworkLayerToken {
    /// The word as written.
    let text: String
    /// 1-based column of its first character.
    let column: Int
    /// The word, lower-cased, as characters.
    let characters: [Character]

    /// The largest number a setting may have.
    static let largestValue = 1_000_000

    /// Keeps the word and where it starts.
    init(_ text: String, column: Int) {
        self.text = text
        self.column = column
        self.characters = Array(text.lowercased())
    }

    /// Layer words, longest first so `convt` is not read as `conv` and `maxpool` not as `max…`.
    static let words = [
        "maxpool", "avgpool", "sigmoid", "dropout", "flatten", "convt", "pool", "conv", "relu", "tanh", "gap", "gmp",
        "bn", "up", "fc",
    ]

    /// What the language knows, for messages.
    static let known =
        "conv, convt, maxpool, pool, avgpool, gap, gmp, relu, sigmoid, tanh, dropout, bn, up, flatten, fc or res(…)"

    /// Reads the word as a layer.
    func parse() throws(NetworkSpecError) -> NetworkLayer {
        let lower = String(characters)
        guard let word = NetworkLayerToken.words.first(where: { lower.hasPrefix($0) }) else {
            throw failure(at: column, "unknown layer; a layer is one of \(NetworkLayerToken.known)")
        }
        var reader = NetworkSettingReader(token: self, index: word.count)
        switch word {
        case "relu", "sigmoid", "tanh", "dropout", "bn", "gap", "gmp", "flatten":
            try reader.expectEnd(what: "\(word) takes no settings; write just \(word)")
            switch word {
            case "bn": return .batchNorm
            case "gap": return .globalPool(isMax: false)
            case "gmp": return .globalPool(isMax: true)
            case "flatten": return .flatten
            default: return .elementwise(NetworkElementwise(rawValue: word) ?? .relu)
            }
        case "up":
            let factor = try reader.requiredPair(name: "upsampling factor", example: "up2")
            try reader.expectEnd(what: "up takes only a factor, e.g. up2 or up2x1")
            return .upsample(factor)
        case "fc":
            let outputs = try reader.requiredSingle(name: "output count", example: "fc10")
            let settings = try reader.settings(allowed: ["nobias"], kind: word)
            return .fullyConnected(outputs: outputs, bias: settings.flags.contains("nobias") == false)
        default:
            return try windowLayer(word: word, reader: &reader)
        }
    }

    /// Reads a convolution, transposed convolution or pooling layer after its word.
    func windowLayer(word: String, reader: inout NetworkSettingReader) throws(NetworkSpecError) -> NetworkLayer {
        let kernel = try reader.requiredPair(name: "kernel size", example: "\(word)3")
        let allowed: Set<String>
        switch word {
        case "conv": allowed = ["s", "p", "psame", "d", "c", "g", "dw", "nobias"]
        case "convt": allowed = ["s", "p", "op", "d", "c", "g", "nobias"]
        case "avgpool": allowed = ["s", "p", "ceil", "nopad"]
        default: allowed = ["s", "p", "d", "ceil"]
        }
        let settings = try reader.settings(allowed: allowed, kind: word)
        let isPool = word.hasSuffix("pool")
        let stride = settings.pairs["s"] ?? (isPool ? kernel : NetworkPair(1))
        let dilation = settings.pairs["d"] ?? NetworkPair(1)
        var padding = settings.pairs["p"] ?? NetworkPair(0)
        if settings.flags.contains("psame") {
            padding = try samePadding(kernel: kernel, stride: stride, dilation: dilation)
        }
        let window = NetworkWindow(kernel: kernel, stride: stride, padding: padding, dilation: dilation)
        if isPool {
            return .pool(
                NetworkPool(
                    isMax: word != "avgpool", window: window, ceilMode: settings.flags.contains("ceil"),
                    countIncludePad: !settings.flags.contains("nopad")))
        }
        let groups: NetworkGroups =
            settings.flags.contains("dw") ? .depthwise : .count(settings.pairs["g"]?.rows ?? 1)
        return .conv(
            NetworkConv(
                window: window, outputPadding: settings.pairs["op"] ?? NetworkPair(0),
                channels: settings.pairs["c"]?.rows, groups: groups, bias: !settings.flags.contains("nobias"),
                transposed: word == "convt"))
    }

    /// The padding `psame` stands for: `d·(k−1)/2` on each side, when that is whole, at stride 1.
    func samePadding(kernel: NetworkPair, stride: NetworkPair, dilation: NetworkPair) throws(NetworkSpecError)
        -> NetworkPair
    {
        guard stride == NetworkPair(1) else {
            throw failure(
                at: column,
                "psame keeps the size only at stride 1, but the stride is \(stride.text); give the padding as p<number>"
            )
        }
        var padding = [0, 0]
        for axis in 0..<2 {
            let total = dilation[axis] * (kernel[axis] - 1)
            guard total % 2 == 0 else {
                throw failure(
                    at: column,
                    "psame needs an odd span d·(k−1)+1, but this kernel spans \(total + 1), so PyTorch would pad \(total / 2) before and \(total - total / 2) after; give p\(total / 2) or p\(total - total / 2), or use an odd kernel"
                )
            }
            padding[axis] = total / 2
        }
        return NetworkPair(padding[0], padding[1])
    }

    /// A refusal naming this word and the column of the problem.
    func failure(at problemColumn: Int, _ problem: String) -> NetworkSpecError {
        NetworkSpecError(column: problemColumn, "'\(text)': \(problem)")
    }
}
