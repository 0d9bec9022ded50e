/// Reads the network layer language: comma-separated layers, `res(BODY)` and `res(BODY | SHORTCUT)`
/// blocks, case-insensitive, spaces (and newlines) allowed around commas, `|` and parentheses.
///
/// Every refusal is a `NetworkSpecError` with the 1-based column of the offending character.
public enum NetworkParser {
    /// The longest string read, in characters.
    public static let maximumLength = 1 << 20
    /// The most layers (residual blocks and their parts included).
    public static let maximumLayers = 2000
    /// The deepest nesting of residual blocks.
    public static let maximumDepth = 8

    /// Parses a whole layer string into its top-level layers.
    public static func parse(_ text: String) throws(NetworkSpecError) -> [NetworkNode] {
        let characters = Array(text)
        guard characters.count <= maximumLength else {
            throw NetworkSpecError(
                column: maximumLength + 1,
                "the layer string has \(characters.count) characters, more than \(maximumLength); shorten it")
        }
        var scanner = NetworkScanner(characters: characters)
        scanner.skipSpaces()
        guard scanner.index < characters.count else {
            throw NetworkSpecError(column: 1, "no layers given; write e.g. conv3p1c16,relu,maxpool2,flatten,fc10")
        }
        return try scanner.list(depth: 0, closers: [])
    }
}

/// The cursor over a layer string's characters.
struct NetworkScanner {
    /// The whole string.
    let characters: [Character]
    /// 0-based position of the next character.
    var index = 0
    /// Layers read so far.
    var layerCount = 0

    /// Creates a scanner at the start.
    init(characters: [Character]) {
        self.characters = characters
    }

    /// The character at the cursor, or nil at the end.
    var current: Character? { index < characters.count ? characters[index] : nil }

    /// Moves past spaces, tabs and newlines.
    mutating func skipSpaces() {
        while let character = current, character.isWhitespace { index += 1 }
    }

    /// Whether a character ends a layer word.
    static func endsWord(_ character: Character) -> Bool {
        character == "," || character == "|" || character == "(" || character == ")" || character.isWhitespace
    }

    /// Reads layers separated by commas until the end or one of `closers` (left unread).
    mutating func list(depth: Int, closers: Set<Character>) throws(NetworkSpecError) -> [NetworkNode] {
        var nodes: [NetworkNode] = []
        while true {
            skipSpaces()
            guard let character = current, character != ",", !closers.contains(character) else {
                throw NetworkSpecError(
                    column: index + 1,
                    "empty layer (two commas in a row, a comma at the end, or an empty part of res( … )); put a layer such as conv3 or relu there"
                )
            }
            nodes.append(try node(depth: depth))
            skipSpaces()
            guard let next = current else { return nodes }
            if next == "," {
                index += 1
                continue
            }
            if closers.contains(next) { return nodes }
            throw unexpected(next, depth: depth)
        }
    }

    /// The refusal for a character that cannot follow a layer.
    func unexpected(_ character: Character, depth: Int) -> NetworkSpecError {
        let column = index + 1
        switch character {
        case ")":
            return NetworkSpecError(
                column: column, "')' without a matching 'res('; remove it or open a block with res(")
        case "|":
            return depth == 0
                ? NetworkSpecError(
                    column: column,
                    "'|' separates a residual block's body from its shortcut and belongs inside res( … ), e.g. res(conv3p1,bn | conv1,bn)"
                )
                : NetworkSpecError(
                    column: column, "a residual block takes one '|' (body | shortcut); close the block with ')' first")
        case "(":
            return NetworkSpecError(
                column: column, "only res takes parentheses, e.g. res(conv3p1,bn,relu,conv3p1,bn)")
        default:
            return NetworkSpecError(
                column: column, "'\(character)' cannot follow a layer; separate layers with commas, e.g. conv3,relu")
        }
    }

    /// Reads one layer: a word, or a residual block.
    mutating func node(depth: Int) throws(NetworkSpecError) -> NetworkNode {
        let start = index
        while let character = current, !NetworkScanner.endsWord(character) { index += 1 }
        let word = String(characters[start..<index])
        layerCount += 1
        guard layerCount <= NetworkParser.maximumLayers else {
            throw NetworkSpecError(
                column: start + 1,
                "more than \(NetworkParser.maximumLayers) layers; split the network or write fewer layers")
        }
        let wordEnd = index
        skipSpaces()
        if current == "(" {
            guard word.lowercased() == "res" else {
                let shown = word.isEmpty ? "'('" : "'\(word)('"
                throw NetworkSpecError(
                    column: word.isEmpty ? start + 1 : wordEnd + 1,
                    "\(shown): only res takes parentheses, e.g. res(conv3p1,bn,relu,conv3p1,bn)")
            }
            return try residual(start: start, depth: depth)
        }
        index = wordEnd
        let layer = try NetworkLayerToken(word, column: start + 1).parse()
        return NetworkNode(layer: layer, text: word, column: start + 1)
    }

    /// Reads `( BODY [| SHORTCUT] )` with the cursor on `(`.
    mutating func residual(start: Int, depth: Int) throws(NetworkSpecError) -> NetworkNode {
        let open = index
        guard depth < NetworkParser.maximumDepth else {
            throw NetworkSpecError(
                column: open + 1,
                "residual blocks nest more than \(NetworkParser.maximumDepth) deep; flatten the nesting")
        }
        index += 1
        let body = try list(depth: depth + 1, closers: ["|", ")"])
        var shortcut: [NetworkNode] = []
        if current == "|" {
            index += 1
            shortcut = try list(depth: depth + 1, closers: [")", "|"])
            if current == "|" { throw unexpected("|", depth: depth + 1) }
        }
        guard current == ")" else {
            throw NetworkSpecError(
                column: open + 1, "'res(' at column \(start + 1) is never closed; add ')' after its last layer")
        }
        index += 1
        let text = String(characters[start..<index])
        return NetworkNode(layer: .residual(body: body, shortcut: shortcut), text: text, column: start + 1)
    }
}
