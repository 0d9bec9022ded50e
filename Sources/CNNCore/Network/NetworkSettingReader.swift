/// Reads the numbers and settings after a layer word, e.g. `3x1` then `s2`, `p1`, `c16`, `nobias`.
struct NetworkSettingReader {
    /// The word being read.
    let token: NetworkLayerToken
    /// 0-based position in the word.
    var index: Int

    /// The settings of a layer word: numbered ones (`s2`, `p1x0`, `c16`) and flags (`nobias`, `dw`).
    struct Settings {
        /// Numbered settings by name; single values are stored as a square pair.
        var pairs: [String: NetworkPair] = [:]
        /// Flags that were given.
        var flags: Set<String> = []
    }

    /// Settings written as a word, longest first, then the one-letter ones.
    static let wordSettings = ["psame", "nobias", "nopad", "ceil", "dw", "op"]
    /// The one-letter numbered settings.
    static let letterSettings: Set<String> = ["s", "p", "d", "c", "g"]

    /// Settings that take a number.
    static let numbered: Set<String> = ["s", "p", "d", "c", "g", "op"]
    /// Numbered settings that take a single value only.
    static let singleOnly: Set<String> = ["c", "g"]

    /// The 1-based column of the character at `index`.
    var column: Int { token.column + index }

    /// Whether the word is fully read.
    var atEnd: Bool { index >= token.characters.count }

    /// Refuses anything left in the word.
    func expectEnd(what: String) throws(NetworkSpecError) {
        guard atEnd else {
            throw token.failure(at: column, "unexpected '\(String(token.characters[index...]))'; \(what)")
        }
    }

    /// A pair `AxB` or a single number (which serves both axes), required.
    mutating func requiredPair(name: String, example: String) throws(NetworkSpecError) -> NetworkPair {
        let start = column
        guard let first = try number(name: name, minimum: 1) else {
            throw token.failure(at: start, "needs a \(name) here, e.g. \(example)")
        }
        guard !atEnd, token.characters[index] == "x", index + 1 < token.characters.count,
            token.characters[index + 1].isASCII, token.characters[index + 1].isNumber
        else { return NetworkPair(first) }
        index += 1
        guard let second = try number(name: name, minimum: 1) else { return NetworkPair(first) }
        return NetworkPair(first, second)
    }

    /// A single number, required.
    mutating func requiredSingle(name: String, example: String) throws(NetworkSpecError) -> Int {
        let start = column
        guard let value = try number(name: name, minimum: 1) else {
            throw token.failure(at: start, "needs a \(name) here, e.g. \(example)")
        }
        return value
    }

    /// The whole number at the cursor (nil when there is none), advancing past it; refuses one
    /// outside `minimum...largestValue`.
    mutating func number(name: String, minimum: Int) throws(NetworkSpecError) -> Int? {
        let start = column
        var digits = ""
        while !atEnd, token.characters[index].isASCII, token.characters[index].isNumber {
            digits.append(token.characters[index])
            index += 1
        }
        guard !digits.isEmpty else { return nil }
        let largest = NetworkLayerToken.largestValue
        guard digits.count <= 7, let value = Int(digits), value <= largest else {
            throw token.failure(at: start, "\(name) \(digits) is larger than \(largest); use a smaller number")
        }
        guard value >= minimum else {
            throw token.failure(at: start, "\(name) \(value) must be at least \(minimum)")
        }
        return value
    }

    /// The setting name at the cursor, advancing past it.
    mutating func settingName() -> String {
        for word in NetworkSettingReader.wordSettings where token.characters[index...].starts(with: word) {
            index += word.count
            return word
        }
        let first = String(token.characters[index])
        if NetworkSettingReader.letterSettings.contains(first) {
            index += 1
            return first
        }
        var word = ""
        while !atEnd, token.characters[index].isLetter {
            word.append(token.characters[index])
            index += 1
        }
        if word.isEmpty {
            word = first
            index += 1
        }
        return word
    }

    /// Reads settings to the end of the word, each once, each one of `allowed`.
    mutating func settings(allowed: Set<String>, kind: String) throws(NetworkSpecError) -> Settings {
        var result = Settings()
        var seen: Set<String> = []
        while !atEnd {
            let start = column
            let name = settingName()
            guard allowed.contains(name) else {
                throw token.failure(at: start, "\(NetworkSettingReader.reason(name, kind: kind)) (column \(start))")
            }
            let key = name == "psame" ? "p" : name == "dw" ? "g" : name
            guard seen.insert(key).inserted else {
                throw token.failure(at: start, "gives '\(key)' twice; give each setting once")
            }
            guard NetworkSettingReader.numbered.contains(name) else {
                result.flags.insert(name)
                continue
            }
            let minimum = name == "p" || name == "op" ? 0 : 1
            let meaning = NetworkSettingReader.meaning[name] ?? name
            guard let first = try number(name: meaning, minimum: minimum) else {
                throw token.failure(at: start, "'\(name)' needs a number, e.g. \(name)\(max(minimum, 2))")
            }
            var second = first
            if !atEnd, token.characters[index] == "x" {
                let crossColumn = column
                guard !NetworkSettingReader.singleOnly.contains(name) else {
                    throw token.failure(at: crossColumn, "\(meaning) is one number, not a pair; write \(name)\(first)")
                }
                index += 1
                guard let value = try number(name: meaning, minimum: minimum) else {
                    throw token.failure(
                        at: crossColumn, "'x' needs a second number, e.g. \(name)\(first)x\(max(minimum, 1))")
                }
                second = value
            }
            result.pairs[name] = NetworkPair(first, second)
        }
        return result
    }

    /// The words for numbered settings, for messages.
    static let meaning = [
        "s": "stride", "p": "padding", "d": "dilation", "c": "channel count", "g": "group count",
        "op": "output padding",
    ]

    /// Why a setting is refused on a layer kind, and what the kind takes.
    static func reason(_ name: String, kind: String) -> String {
        let takes: String
        switch kind {
        case "conv":
            takes =
                "a conv takes s<stride>, p<padding> or psame, d<dilation>, c<channels>, g<groups> or dw, and nobias, e.g. conv3s2p1c16"
        case "convt":
            takes =
                "a convt takes s<stride>, p<padding>, op<output padding>, d<dilation>, c<channels>, g<groups> and nobias, e.g. convt4s2p1c16"
        case "avgpool": takes = "an average pool takes s<stride>, p<padding>, ceil and nopad, e.g. avgpool3s2p1"
        case "fc": takes = "fc takes only nobias, e.g. fc10nobias"
        default: takes = "a max pool takes s<stride>, p<padding>, d<dilation> and ceil, e.g. maxpool3s2p1"
        }
        switch name {
        case "c" where kind.hasSuffix("pool"): return "pools keep the channel count; drop 'c' or use a conv; \(takes)"
        case "nobias" where kind.hasSuffix("pool"): return "pools have no bias to drop; \(takes)"
        case "d" where kind == "avgpool":
            return "average pooling has no dilation (avg_pool2d takes none); use maxpool for a dilated window"
        case "psame" where kind != "conv": return "psame is for conv only; give p<padding>; \(takes)"
        default: return "'\(name)' is not a setting of \(kind); \(takes)"
        }
    }
}
