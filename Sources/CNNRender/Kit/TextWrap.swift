import CNNSandbox

/// Breaks prose into lines of at most `width` columns at spaces.
public enum TextWrap {
    /// The wrapped lines; words longer than the width are cut.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                while word.unicodeScalars.count > width {
                    if !line.isEmpty {
                        result.append(line)
                        line = ""
                    }
                    result.append(String(String.UnicodeScalarView(word.unicodeScalars.prefix(width))))
                    word = String(String.UnicodeScalarView(word.unicodeScalars.dropFirst(width)))
                }
                if line.isEmpty {
                    line = word
                } else if line.unicodeScalars.count + 1 + word.unicodeScalars.count <= width {
                    line += " " + word
                } else {
                    result.append(line)
                    line = word
                }
            }
            result.append(line)
        }
        return result
    }
}
