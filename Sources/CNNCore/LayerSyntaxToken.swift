/// One comma-separated piece of the compact layer syntax, e.g. `conv3s2p1`, and its parser.
struct LayerToken {
    /// The piece as written (trimmed).
    let text: String
    /// 1-based column of its first character in the whole text.
    let column: Int
    /// The piece, lower-cased, as characters.
    let characters: [Character]

    /// Keeps the piece and where it starts.
    init(_ text: String, column: Int) {
        self.text = text
        self.column = column
        self.characters = Array(text.lowercased())
    }

    /// The layer words, longest first so `maxpool` is not read as `max…`.
    static let kinds: [(word: String, kind: LayerKind)] = [
        ("maxpool", .maxPool), ("avgpool", .avgPool), ("pool", .maxPool), ("conv", .conv),
    ]

    /// Reads the piece as a layer.
    func parse() throws(CNNError) -> LayerSpec {
        let lower = String(characters)
        guard let (word, kind) = LayerToken.kinds.first(where: { lower.hasPrefix($0.word) }) else {
            throw failure("should start with conv, pool, maxpool or avgpool, e.g. conv3 or pool2s2")
        }
        var index = word.count
        guard let kernel = try number(at: &index, name: "kernel size", minimum: 1) else {
            throw failure("needs a kernel size right after '\(word)', e.g. \(word)3")
        }
        var stride: Int?
        var padding = 0
        var same = false
        var dilation = 1
        var channels: Int?
        var bias = true
        var seen: Set<String> = []
        while index < characters.count {
            let suffixColumn = column + index
            let name = letters(at: &index)
            guard !name.isEmpty else {
                throw failure("unexpected '\(characters[index])' at column \(suffixColumn); \(validSuffixes(kind))")
            }
            try checkAllowed(name, kind: kind, kernel: kernel, column: suffixColumn)
            guard seen.insert(name == "psame" ? "p" : name).inserted else {
                throw failure(
                    "gives '\(name == "psame" ? "p" : name)' twice (column \(suffixColumn)); give each setting once")
            }
            switch name {
            case "psame": same = true
            case "nobias": bias = false
            default:
                let minimum = name == "p" ? 0 : 1
                guard let value = try number(at: &index, name: suffixMeaning(name), minimum: minimum) else {
                    throw failure("'\(name)' at column \(suffixColumn) needs a number, e.g. \(name)\(max(minimum, 2))")
                }
                switch name {
                case "s": stride = value
                case "p": padding = value
                case "d": dilation = value
                default: channels = value
                }
            }
        }
        if same {
            padding = try samePadding(kernel: kernel, stride: stride ?? 1, dilation: dilation)
        }
        return LayerSpec(
            kind: kind, kernel: kernel, stride: stride, padding: padding, dilation: dilation,
            outputChannels: channels, bias: bias)
    }

    /// Refuses a suffix the layer kind does not take, saying why and what it does take.
    func checkAllowed(_ name: String, kind: LayerKind, kernel: Int, column: Int) throws(CNNError) {
        let allowed: Set<String>
        switch kind {
        case .conv: allowed = ["s", "p", "psame", "d", "c", "nobias"]
        case .maxPool: allowed = ["s", "p", "d"]
        case .avgPool: allowed = ["s", "p"]
        }
        guard !allowed.contains(name) else { return }
        let reason: String
        switch name {
        case "x": reason = "kernels are square here: write \(kind.word)\(kernel) for \(kernel)×\(kernel)"
        case "c" where kind.isPooling: reason = "pools keep the channel count; drop 'c' or use a conv layer"
        case "nobias" where kind.isPooling: reason = "pools have no bias to drop"
        case "psame" where kind.isPooling: reason = "pools have no 'same' padding in PyTorch; give p<padding>"
        case "d" where kind == .avgPool:
            reason = "average pooling has no dilation (avg_pool2d takes none); use maxpool for a dilated window"
        default: reason = "unknown setting '\(name)'; \(validSuffixes(kind))"
        }
        throw failure("\(reason) (column \(column))")
    }

    /// The padding `psame` stands for: `d·(k−1)/2` on each side, when that is whole.
    func samePadding(kernel: Int, stride: Int, dilation: Int) throws(CNNError) -> Int {
        guard stride == 1 else {
            throw failure(
                "psame keeps the size only at stride 1, but the stride is \(stride); give the padding as p<number>")
        }
        let total = dilation * (kernel - 1)
        guard total % 2 == 0 else {
            throw failure(
                "psame needs an odd span d·(k−1)+1, but this kernel spans \(total + 1), so PyTorch would pad \(total / 2) before and \(total - total / 2) after; give p\(total / 2) or p\(total - total / 2), or use an odd kernel"
            )
        }
        return total / 2
    }

    /// What a layer kind takes after its kernel size.
    func validSuffixes(_ kind: LayerKind) -> String {
        switch kind {
        case .conv:
            return "a conv takes s<stride>, p<padding> or psame, d<dilation>, c<channels> and nobias, e.g. conv3s2p1c16"
        case .maxPool: return "a max pool takes s<stride>, p<padding> and d<dilation>, e.g. pool3s2p1"
        case .avgPool: return "an average pool takes s<stride> and p<padding>, e.g. avgpool3s2p1"
        }
    }

    /// The word for a suffix, for messages.
    func suffixMeaning(_ name: String) -> String {
        ["s": "stride", "p": "padding", "d": "dilation", "c": "channel count"][name] ?? name
    }

    /// The suffix name starting at `index`, advancing past it: `psame` or `nobias` when
    /// the text starts with one (so `psamed2` reads `psame` then `d2`), else the run of letters.
    func letters(at index: inout Int) -> String {
        for word in ["psame", "nobias"] where characters[index...].starts(with: word) {
            index += word.count
            return word
        }
        var word = ""
        while index < characters.count, characters[index].isLetter {
            word.append(characters[index])
            index += 1
        }
        return word
    }

    /// The whole number starting at `index` (nil when there is none), advancing past it;
    /// refuses one outside `minimum...LayerStack.largestValue`.
    func number(at index: inout Int, name: String, minimum: Int) throws(CNNError) -> Int? {
        let first = index
        var digits = ""
        while index < characters.count, let digit = characters[index].wholeNumberValue, characters[index].isASCII {
            digits.append(Character(String(digit)))
            index += 1
        }
        guard !digits.isEmpty else { return nil }
        let largest = LayerStack.largestValue
        guard let value = Int(digits), value <= largest else {
            throw failure(
                "\(name) \(digits) at column \(column + first) is larger than \(largest); use a smaller number")
        }
        guard value >= minimum else {
            throw failure("\(name) \(value) at column \(column + first) must be at least \(minimum)")
        }
        return value
    }

    /// A refusal naming this token and its column.
    func failure(_ problem: String) -> CNNError {
        .invalidParameter(name: "layers", message: "'\(text)' at column \(column): \(problem)")
    }
}
