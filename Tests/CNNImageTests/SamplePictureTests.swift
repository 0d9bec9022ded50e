import CNNImage
import CNNRender
import Foundation
import Testing

/// A sample image through the whole path: file → image → luminance → picture widget.
@Suite struct SamplePictureTests {
    private func canvas(_ name: String, columns: Int, rows: Int, options: RenderOptions) throws -> (Canvas, String) {
        let image = try ImageFile.load(SampleImagesTests.samples.appendingPathComponent(name).path)
        let values = image.luminanceTensor(.unit).data
        let picture = try #require(
            Picture(width: image.width, height: image.height, values: values, shading: .grey(low: 0, high: 1)))
        let fitted = try #require(picture.fitted(columns: columns, rows: rows))
        let widget = PictureWidget(picture: fitted, options: options)
        var canvas = Canvas(width: widget.size.columns, height: widget.size.rows)
        widget.draw(into: &canvas, row: 0, column: 0, window: .init(row: 12, column: 8, height: 3, width: 3))
        return (canvas, fitted.scaleText)
    }

    @Test func shapesInASCII() throws {
        let (canvas, scale) = try canvas("shapes.pgm", columns: 48, rows: 12, options: RenderOptions(ascii: true))
        #expect(scale == "1 cell = 2×4 pixels")
        let expected = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/shapes-ascii.txt"), encoding: .utf8)
        if ProcessInfo.processInfo.environment["CNNVIZ_UPDATE_GOLDEN"] == "1" {
            try (canvas.text + "\n").write(
                to: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                    .appendingPathComponent("Fixtures/shapes-ascii.txt"), atomically: true, encoding: .utf8)
        }
        #expect(canvas.text + "\n" == expected)
    }

    @Test func shapesInHalfBlocksUseTheGreyRamp() throws {
        let (canvas, _) = try canvas("shapes.png", columns: 96, rows: 24, options: RenderOptions())
        let colours = Set(canvas.cells.compactMap(\.style.background?.index256))
        #expect(colours.isSubset(of: Set([16, 231] + Array(232...255))))
        #expect(colours.count >= 3, "ground, square, diamond and disc differ: \(colours.sorted())")
    }
}
