import CNNSandbox
import Testing

@testable import CNNRender

/// For every cell size of the classroom zoom ladders and every value text of up to five
/// characters, a cell's drawing stays inside the cell, keeps one blank column inside each edge
/// and one between glyphs, and uses the block font whenever the smallest face fits.
@Suite("Classroom cells: property")
struct ClassroomCellPropertyTests {
    /// The (extra columns, row step) zooms of the views' classroom ladders (convolution, pooling,
    /// the grid strip and channels, the 1-D view): a cell is `text + extra` columns wide and
    /// `step − 1` rows tall, for grid text widths of 1 to 5 columns.
    static let sizes: [(width: Int, height: Int)] = {
        let zooms = [
            (20, 11), (16, 9), (12, 7), (10, 6), (8, 5), (7, 4), (6, 4), (5, 3), (4, 3), (3, 3), (3, 2), (2, 2),
            (1, 2), (1, 1), (0, 1), (5, 2), (4, 2), (0, 2),
        ]
        var seen = Set<[Int]>()
        var sizes: [(width: Int, height: Int)] = []
        for (extra, step) in zooms {
            for text in 1...5 where seen.insert([text + extra, max(1, step - 1)]).inserted {
                sizes.append((text + extra, max(1, step - 1)))
            }
        }
        return sizes
    }()

    /// Every text of up to four characters over digits, the sign and the point, the five-character
    /// texts of digits and a sign, the same behind the winner's star, and values the views format.
    static let texts: [String] = {
        var texts: [String] = []
        var layer = [""]
        for _ in 1...4 {
            layer = layer.flatMap { prefix in ["8", "1", "−", "."].map { prefix + $0 } }
            texts += layer
        }
        texts += layer.filter { !$0.contains(".") }.map { $0 + "8" }
        texts += texts.filter { $0.count <= 2 }.map { "⋆" + $0 }
        texts += ["-0.5", "2.25", "-0.33", "−∞", "∞", "1e+03", "·", "+1", "NaN", "inf", "w₀₀", "⋆12345"]
        return texts
    }()

    @Test(
        "inside the cell, a blank column inside each edge and between glyphs",
        arguments: [Glyphs.unicode, Glyphs.ascii], [false, true])
    func staysInside(glyphs: Glyphs, highlighted: Bool) {
        let palette = Palette(options: RenderOptions(ascii: glyphs == .ascii, classroom: true))
        let style = highlighted ? palette.highlight : palette.value(1, scale: 2)
        var failures = 0
        for size in ClassroomCellPropertyTests.sizes {
            for text in ClassroomCellPropertyTests.texts where failures < 5 {
                if let problem = check(text, size: size, style: style, glyphs: glyphs) {
                    Issue.record("\(text) at \(size.width)×\(size.height): \(problem)")
                    failures += 1
                }
            }
        }
    }

    /// What is wrong with one cell's drawing, or nil.
    func check(_ text: String, size: (width: Int, height: Int), style: CellStyle, glyphs: Glyphs) -> String? {
        let margin = 2
        var canvas = Canvas(width: size.width + 2 * margin, height: size.height + 2 * margin)
        GridCellBlock(text: text, style: style, width: size.width, height: size.height, glyphs: glyphs)
            .draw(into: &canvas, row: margin, column: margin)
        if canvas.layout.overlapCount > 0 { return "writes over itself" }
        var inkColumns = Set<Int>()
        for (index, cell) in canvas.cells.enumerated() where cell.character != " " || cell.style != .plain {
            let (row, column) = index.quotientAndRemainder(dividingBy: canvas.width)
            let scalar = cell.character
            do {
                let inside =
                    row >= margin && row < margin + size.height && column >= margin && column < margin + size.width
                if !inside { return "draws outside the cell at row \(row - margin), column \(column - margin)" }
                if BigDigitsTests.isInk(scalar) { inkColumns.insert(column - margin) }
            }
        }
        let value = CellLettering.split(text, glyphs: glyphs).value
        let smallest = BigDigitFace.ladder(ascii: glyphs == .ascii).last
        let fits = smallest.flatMap { face in
            BigDigits.width(value, face: face).map { $0 <= size.width - 2 && face.rows <= size.height }
        }
        if fits == true && inkColumns.isEmpty { return "plain text although the smallest face fits" }
        guard !inkColumns.isEmpty else { return nil }
        if inkColumns.contains(0) || inkColumns.contains(size.width - 1) { return "ink on the cell's edge column" }
        // Each glyph's ink is one run of columns: as many runs as glyphs means a blank column between each two.
        let sorted = inkColumns.sorted()
        let runs = 1 + zip(sorted, sorted.dropFirst()).filter { $1 > $0 + 1 }.count
        if runs != value.unicodeScalars.count { return "\(runs) runs of ink for \(value.unicodeScalars.count) glyphs" }
        return nil
    }

    @Test("every glyph's ink is one run of columns in every face, so runs count glyphs")
    func glyphInkIsOneRun() throws {
        for face in BigDigitFace.ladder(ascii: false) + BigDigitFace.ladder(ascii: true) {
            for scalar in BigDigits.glyphs.keys {
                let big = try #require(BigDigits.draw(String(scalar), face: face))
                let columns = (0..<big.width).filter { column in
                    big.lines.contains { Array($0.unicodeScalars)[column] != " " }
                }
                #expect(columns.count == big.width, "\(scalar) in \(face): a blank column inside the glyph")
            }
        }
    }
}
