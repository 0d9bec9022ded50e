extension NetworkSummary {
    /// The rows of the table, depth-first: each with its label (indented inside residual blocks).
    func labelledRows() -> [(label: String, row: NetworkRow)] {
        var result: [(label: String, row: NetworkRow)] = []
        func add(_ rows: [NetworkRow], prefix: String) {
            for row in rows {
                result.append((prefix + (row.isResidual ? "res" : row.text), row))
                if row.isResidual {
                    let inner = String(repeating: " ", count: prefix.count) + "  "
                    add(row.body, prefix: inner)
                    add(row.shortcut, prefix: inner + "| ")
                }
            }
        }
        add(rows, prefix: "")
        return result
    }

    /// The cells of one row as the table and Markdown show them.
    static func cells(label: String, row: NetworkRow) -> [String] {
        [
            label, row.output.text, NetworkNumberText.grouped(row.params), NetworkNumberText.grouped(row.mults),
            NetworkNumberText.fieldText(row.field, \.sizeTexts), NetworkNumberText.fieldText(row.field, \.jumpTexts),
            NetworkNumberText.fieldText(row.field, \.startTexts),
        ]
    }

    /// The column titles.
    static let headers = ["Layer", "Output", "Params", "Mults", "RF", "Jump", "Start"]

    /// The lines under the table: totals, output, memory, the last spatial layer's field.
    var footerLines: [String] {
        var lines = [
            "Input: \(input.text)    Output: \(output.text)",
            "Total parameters: \(NetworkNumberText.grouped(params))",
            "Total multiplications: \(NetworkNumberText.grouped(mults))",
        ]
        if let bytes = parameterBytes {
            lines.append(
                "Parameter memory (float32): \(NetworkNumberText.grouped(bytes)) bytes (\(NetworkNumberText.mebibytes(bytes)) MiB)"
            )
        }
        if let field = lastSpatialField {
            lines.append(
                "Receptive field of the last spatial layer: \(field.sizeTexts.joined(separator: "×")), jump \(field.jumpTexts.joined(separator: "×"))"
            )
        }
        return lines
    }

    /// An aligned table like torchinfo's: one row per layer (residual blocks indented with their body
    /// and `|` shortcut), RF/Jump/Start as rows×columns in input cells, then the totals.
    public func table() -> String {
        let body = labelledRows().map { Self.cells(label: $0.label, row: $0.row) }
        let all = [Self.headers] + body
        let widths = (0..<Self.headers.count).map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                let rightAligned = index == 2 || index == 3
                if index > 0 { text += "  " }
                text += rightAligned ? padding + cell : cell + padding
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        var lines = [line(Self.headers), rule]
        lines += body.map(line)
        lines.append(rule)
        lines += footerLines
        return lines.joined(separator: "\n")
    }

    /// The same table in GitHub Markdown, with the totals below it.
    public func markdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingPipes() }.joined(separator: " | ") + " |"
        }
        var lines = [line(Self.headers), "| --- | --- | ---: | ---: | --- | --- | --- |"]
        for (label, row) in labelledRows() {
            let indent = label.prefix(while: { $0 == " " }).count
            let shown = String(repeating: "&nbsp;", count: indent) + label.dropFirst(indent)
            lines.append(line(Self.cells(label: shown, row: row)))
        }
        lines.append("")
        lines += footerLines.map { "- " + $0 }
        return lines.joined(separator: "\n")
    }

    /// CSV with plain integers: one line per layer (depth, part: top/body/shortcut), then a total line.
    public func csv() -> String {
        var lines = ["depth,part,layer,output,params,mults,rf_rows,rf_cols,jump_rows,jump_cols,start_rows,start_cols"]
        func add(_ rows: [NetworkRow], depth: Int, part: String) {
            for row in rows {
                let field = row.field
                let numbers = [
                    field.map { String($0.size.rows) }, field.map { String($0.size.columns) },
                    field?.jump[0].text, field?.jump[1].text, field?.start[0].text, field?.start[1].text,
                ].map { $0 ?? "" }
                let cells =
                    [
                        "\(depth)", part, Self.csvCell(row.text),
                        row.output.dimensions.map(String.init).joined(separator: "x"),
                    ]
                    + ["\(row.params)", "\(row.mults)"] + numbers
                lines.append(cells.joined(separator: ","))
                add(row.body, depth: depth + 1, part: "body")
                add(row.shortcut, depth: depth + 1, part: "shortcut")
            }
        }
        add(rows, depth: 0, part: "top")
        lines.append(
            "0,total,total,\(output.dimensions.map(String.init).joined(separator: "x")),\(params),\(mults),,,,,,")
        return lines.joined(separator: "\n")
    }

    /// A CSV cell: quoted when it holds a comma, quote or line break.
    static func csvCell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }
}

extension String {
    /// `|` escaped for a Markdown table cell.
    fileprivate func replacingPipes() -> String {
        var result = ""
        for character in self {
            if character == "|" { result += "\\|" } else { result.append(character) }
        }
        return result
    }

    /// `"` doubled for a CSV cell.
    fileprivate func replacingQuotes() -> String {
        var result = ""
        for character in self {
            if character == "\"" { result += "\"\"" } else { result.append(character) }
        }
        return result
    }
}
