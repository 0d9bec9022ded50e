/// The compact text form of a layer stack, e.g. `conv3,conv3,pool2s2,conv3d2`.
///
/// Grammar (letters are case-insensitive; spaces and tabs are allowed around commas):
///
///     layers  = layer { "," layer }
///     layer   = conv | maxpool | avgpool
///     conv    = "conv" K { "s" S | "p" P | "psame" | "d" D | "c" C | "nobias" }
///     maxpool = ("pool" | "maxpool") K { "s" S | "p" P | "d" D }
///     avgpool = "avgpool" K { "s" S | "p" P }
///
/// `K` is the (square) kernel or window size, `S` the stride (default 1 for conv, `K` for
/// pools), `P` the padding (default 0), `D` the dilation (default 1), `C` the conv's output
/// channels (default: keep the input's). `psame` pads a stride-1 conv to keep the size, which
/// needs an odd span `D·(K−1)+1`. Each suffix may appear once, in any order. Numbers are
/// whole, at most `LayerStack.largestValue`.
public enum LayerSyntax {
    /// Parses the compact form. Errors are `CNNError.invalidParameter(name: "layers", …)`
    /// naming the token, its 1-based character column and what would be valid.
    public static func parse(_ text: String) throws(CNNError) -> [LayerSpec] {
        let tokens = split(text)
        guard tokens.contains(where: { !$0.text.isEmpty }) else {
            throw .invalidParameter(name: "layers", message: "no layers given; write e.g. conv3,conv3,pool2s2")
        }
        var layers: [LayerSpec] = []
        for token in tokens {
            guard !token.text.isEmpty else {
                throw .invalidParameter(
                    name: "layers",
                    message:
                        "empty layer at column \(token.column) (two commas in a row, or a comma at the end); put a layer such as conv3 or pool2 between commas"
                )
            }
            layers.append(try LayerToken(token.text, column: token.column).parse())
        }
        return layers
    }

    /// The compact form of `layers`, leaving out defaults: `parse(format(x)) == x`.
    public static func format(_ layers: [LayerSpec]) -> String {
        layers.map(format).joined(separator: ",")
    }

    /// The compact form of one layer, e.g. `conv3s2p1c16`, `maxpool3s2`, `avgpool2`.
    public static func format(_ layer: LayerSpec) -> String {
        var text = "\(layer.kind.word)\(layer.kernel)"
        let defaultStride = layer.kind.isPooling ? layer.kernel : 1
        if layer.stride != defaultStride { text += "s\(layer.stride)" }
        if layer.padding != 0 { text += "p\(layer.padding)" }
        if layer.dilation != 1 { text += "d\(layer.dilation)" }
        if let channels = layer.outputChannels { text += "c\(channels)" }
        if layer.kind == .conv && !layer.bias { text += "nobias" }
        return text
    }

    /// The comma-separated pieces, trimmed, with the 1-based column of each piece's first
    /// character (or of where it would be, when empty).
    static func split(_ text: String) -> [(text: String, column: Int)] {
        var pieces: [(text: String, column: Int)] = []
        var current = ""
        var start = 0
        var column = 0
        func finish() {
            let leading = current.prefix(while: \.isWhitespace).count
            let trimmed = String(current.dropFirst(leading).reversed().drop(while: \.isWhitespace).reversed())
            pieces.append((trimmed, start + leading + 1))
        }
        for character in text {
            if character == "," {
                finish()
                current = ""
                start = column + 1
            } else {
                current.append(character)
            }
            column += 1
        }
        finish()
        return pieces
    }
}
