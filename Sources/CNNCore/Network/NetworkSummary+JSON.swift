extension NetworkSummary {
    /// `{"input": [C,H,W], "output": [...], "params": N, "mults": N, "rf", "jump", "start", "layers": [...]}`,
    /// each layer `{"layer", "output", "params", "mults", "rf", "jump", "start", "body", "shortcut"}` with
    /// plain integers, fields as `[rows, columns]` or null. `rf`/`jump`/`start` at the top are the last
    /// spatial layer's.
    public func json() -> String {
        let last = lastSpatialField
        let parts = [
            "\"input\": \(Self.list(input.dimensions))", "\"output\": \(Self.list(output.dimensions))",
            "\"params\": \(params)", "\"mults\": \(mults)",
            "\"rf\": \(Self.fieldJSON(last, \.sizeTexts))", "\"jump\": \(Self.fieldJSON(last, \.jumpNumbers))",
            "\"start\": \(Self.fieldJSON(last, \.startNumbers))",
            "\"layers\": \(Self.rowsJSON(rows, indent: "  "))",
        ]
        return "{\n  " + parts.joined(separator: ",\n  ") + "\n}"
    }

    /// The rows as a JSON array, one object per line at the top level.
    static func rowsJSON(_ rows: [NetworkRow], indent: String) -> String {
        guard !rows.isEmpty else { return "[]" }
        let objects = rows.map { row in
            "{\"layer\": \(jsonString(row.text)), \"output\": \(list(row.output.dimensions)), \"params\": \(row.params), "
                + "\"mults\": \(row.mults), \"rf\": \(fieldJSON(row.field, \.sizeTexts)), "
                + "\"jump\": \(fieldJSON(row.field, \.jumpNumbers)), \"start\": \(fieldJSON(row.field, \.startNumbers)), "
                + "\"body\": \(rowsJSON(row.body, indent: indent + "  ")), "
                + "\"shortcut\": \(rowsJSON(row.shortcut, indent: indent + "  "))}"
        }
        return "[\n\(indent)  " + objects.joined(separator: ",\n\(indent)  ") + "\n\(indent)]"
    }

    /// `[1, 2, 3]`.
    static func list(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }

    /// `[rows, columns]` of a field's part, or `null`.
    static func fieldJSON(_ field: NetworkField?, _ part: KeyPath<NetworkField, [String]>) -> String {
        guard let field else { return "null" }
        return "[" + field[keyPath: part].joined(separator: ", ") + "]"
    }

    /// A JSON string literal.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension NetworkField {
    /// The jump as JSON numbers (`2`, `0.5`).
    var jumpNumbers: [String] { jump.map(\.jsonNumber) }
    /// The start as JSON numbers.
    var startNumbers: [String] { start.map(\.jsonNumber) }
}

extension NetworkRatio {
    /// A whole number as itself, else the shortest decimal that reads back as the same double.
    var jsonNumber: String { denominator == 1 ? "\(numerator)" : "\(value)" }
}
