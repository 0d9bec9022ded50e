/// Number formatting for summaries: digit groups for reading, MiB with two decimals.
enum NetworkNumberText {
    /// `11689512` → `11,689,512`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// Bytes as MiB with two decimals: `46758048` → `44.59`.
    static func mebibytes(_ bytes: Int) -> String {
        let hundredths = (bytes / 1024 * 100 + 512) / 1024
        let fraction = hundredths % 100
        return "\(grouped(hundredths / 100)).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A field's size, jump or start as `rows×columns`, or `-` without a field.
    static func fieldText(_ field: NetworkField?, _ part: KeyPath<NetworkField, [String]>) -> String {
        guard let field else { return "-" }
        return field[keyPath: part].joined(separator: "×")
    }
}

extension NetworkField {
    /// The size as two texts (rows, columns).
    var sizeTexts: [String] { [String(size.rows), String(size.columns)] }
    /// The jump as two texts.
    var jumpTexts: [String] { jump.map(\.text) }
    /// The start as two texts.
    var startTexts: [String] { start.map(\.text) }
}
