import CNNRender
import Testing

@Suite struct PictureWidgetTests {
    /// A 16×8 image: a dark left half and a bright right half, with a bright top row.
    private func halves() -> Picture? {
        let values = (0..<128).map { index -> Double in
            let (y, x) = (index / 16, index % 16)
            return y == 0 || x >= 8 ? 1 : 0
        }
        return Picture(width: 16, height: 8, values: values, shading: .grey(low: 0, high: 1))
    }

    @Test func fitsByWholeFactorsAndSaysTheScale() throws {
        let picture = try #require(halves())
        #expect(picture.fitFactor(columns: 16, rows: 4) == 1)
        #expect(picture.fitFactor(columns: 8, rows: 4) == 2)
        #expect(picture.fitFactor(columns: 16, rows: 1) == 4)
        let fitted = try #require(picture.fitted(columns: 8, rows: 4))
        #expect(fitted.columns == 8 && fitted.rows == 2)
        #expect(fitted.scaleText == "1 cell = 2×4 pixels")
        #expect(fitted.block(row: 0, column: 0) == 0.5, "a 2×2 block of the bright row and a dark row")
        #expect(fitted.block(row: 1, column: 3) == 0 && fitted.block(row: 1, column: 4) == 1)
        #expect(picture.fitted(columns: 0, rows: 3) == nil)
        #expect(Picture(width: 2, height: 2, values: [1], shading: .signed(scale: 1)) == nil)
    }

    @Test func halfBlocksCarryTwoPixelsPerCell() throws {
        let fitted = try #require(halves()?.fitted(columns: 16, rows: 4))
        var canvas = Canvas(width: 18, height: 6)
        PictureWidget(picture: fitted, options: RenderOptions()).draw(into: &canvas, row: 0, column: 0)
        let cell = canvas[1, 1]
        #expect(cell.character == "▀")
        #expect(cell.style.foreground?.index256 == 231, "upper pixel: white top row")
        #expect(cell.style.background?.index256 == 16, "lower pixel: black")
        #expect(canvas[2, 9].style.foreground?.index256 == 231 && canvas[2, 9].style.background?.index256 == 231)
        Golden.check(canvas, named: "picture-halves-unicode")
    }

    @Test func asciiRampWithoutColour() throws {
        let fitted = try #require(halves()?.fitted(columns: 16, rows: 4))
        var canvas = Canvas(width: 18, height: 6)
        PictureWidget(picture: fitted, options: RenderOptions(ascii: true, color: false))
            .draw(into: &canvas, row: 0, column: 0, window: .init(row: 2, column: 2, height: 3, width: 3))
        Golden.check(canvas, named: "picture-halves-ascii-window")
        #expect(canvas.lines[3].contains("@@@@@@@@"))
        #expect(canvas.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test func signedFeatureMapUsesTheBlueOrangeScale() throws {
        let picture = try #require(Picture.signed(width: 2, height: 2, values: [-4, 4, 0, 1]))
        let fitted = try #require(picture.fitted(columns: 2, rows: 1))
        var canvas = Canvas(width: 4, height: 3)
        PictureWidget(picture: fitted, options: RenderOptions()).draw(into: &canvas, row: 0, column: 0)
        #expect(canvas[1, 1].style.foreground?.index256 == 32, "strongest blue (the palette's level 3 at full scale)")
        #expect(canvas[1, 2].style.foreground?.index256 == 208, "strongest orange")
        #expect(canvas[1, 1].style.background?.index256 == 236, "zero is neutral grey")
        #expect(canvas[1, 2].style.background?.index256 == 223, "a quarter of the scale: faint orange")
    }

    @Test("values under 5% of the scale look like zero, so rounding noise does not speckle a flat region")
    func tinyValuesLookLikeZero() throws {
        let picture = try #require(Picture.signed(width: 3, height: 2, values: [1e-17, 0, -0.04, 100, 0.06 * 100, 0]))
        let fitted = try #require(picture.fitted(columns: 3, rows: 1))
        var canvas = Canvas(width: 5, height: 3)
        PictureWidget(picture: fitted, options: RenderOptions()).draw(into: &canvas, row: 0, column: 0)
        #expect(canvas[1, 1].style.foreground == canvas[1, 2].style.foreground, "1e-17 draws as 0 does")
        #expect(canvas[1, 3].style.foreground?.index256 == 236, "−0.04 of 100 is drawn as zero")
        #expect(canvas[1, 2].style.background?.index256 == 223, "6% of the scale keeps the faint orange")
    }

    @Test func windowOutlineSurroundsTheCoveredCells() throws {
        let fitted = try #require(halves()?.fitted(columns: 8, rows: 2))  // factor 2: a cell is 2×4 pixels
        let widget = PictureWidget(picture: fitted, options: RenderOptions())
        let covered = widget.cells(covering: .init(row: 0, column: 0, height: 3, width: 3))
        #expect(covered.row == 0 && covered.column == 0 && covered.rows == 1 && covered.columns == 2)
        var canvas = Canvas(width: widget.size.columns, height: widget.size.rows)
        widget.draw(into: &canvas, row: 0, column: 0, window: .init(row: 0, column: 0, height: 3, width: 3))
        #expect(canvas.lines[0].hasPrefix("┌──┐"))
        #expect(canvas[1, 0].character == "│" && canvas[1, 3].character == "│")
        #expect(canvas.lines[2].hasPrefix("└──┘"))
    }
}

@Suite struct TrueColorPictureTests {
    @Test func trueColorGreysAreExactAndKeepTheirPaletteFallback() throws {
        let picture = try #require(Picture(width: 1, height: 2, values: [0.5, 1], shading: .grey(low: 0, high: 1)))
        let fitted = try #require(picture.fitted(columns: 1, rows: 1))
        var canvas = Canvas(width: 3, height: 3)
        PictureWidget(picture: fitted, options: RenderOptions(trueColor: true)).draw(into: &canvas, row: 0, column: 0)
        let style = canvas[1, 1].style
        #expect(style.foreground?.rgb == 0x80_8080 && style.background?.rgb == 0xFF_FFFF)
        #expect(style.foreground?.index256 == 244, "the 256-colour fallback of mid grey")
        #expect(export(canvas, format: .ansi).contains("\u{1B}[0;38;2;128;128;128;48;2;255;255;255m▀"))
        #expect(export(canvas, format: .html).contains("color: #808080; background: #ffffff"))
        var plain = Canvas(width: 3, height: 3)
        PictureWidget(picture: fitted, options: RenderOptions()).draw(into: &plain, row: 0, column: 0)
        #expect(plain[1, 1].style.foreground?.rgb == nil)
    }

    @Test func colortermDecides() {
        #expect(RenderOptions.environmentWantsTrueColor(["COLORTERM": "truecolor"]))
        #expect(RenderOptions.environmentWantsTrueColor(["COLORTERM": "24bit"]))
        #expect(!RenderOptions.environmentWantsTrueColor(["TERM": "xterm-256color"]))
    }
}

@Suite struct PicturePanelTests {
    @Test func numbersUnderTheWindowSitBesideThePicture() throws {
        let values = (0..<64).map { Double($0) }
        let source = try #require(Picture(width: 8, height: 8, values: values, shading: .grey(low: 0, high: 63)))
        let fitted = try #require(source.fitted(columns: 4, rows: 2))
        let panel = PicturePanel(
            title: "input 8×8", source: source, fitted: fitted, window: .init(row: 6, column: 6, height: 3, width: 3))
        var canvas = Canvas(width: 40, height: 8)
        let size = panel.draw(into: &canvas, row: 0, column: 0, options: RenderOptions(ascii: true, color: false))
        Golden.check(canvas, named: "picture-panel-ascii")
        #expect(canvas.lines[0] == "input 8x8  1 cell = 2x4 pixels  0...63")
        let signed = try #require(Picture.signed(width: 2, height: 1, values: [-4, 2]))
        let signedFit = try #require(signed.fitted(columns: 2, rows: 1))
        #expect(PicturePanel(title: "map", source: signed, fitted: signedFit).rangeText == "−4…4")
        #expect(canvas.contains("under the window"))
        #expect(canvas.contains("54  55   0"), "row 6, columns 6 and 7, then padding")
        #expect(canvas.contains("62  63   0"))
        let padding = try #require(canvas.row(containing: "62  63   0"))
        #expect(canvas.lines[padding + 1].hasSuffix("0   0   0"))
        #expect(size.width <= 40 && size.height <= 8)
    }
}
