import CNNCore
import CNNCourse
import CNNSandbox
import TestSupport
import Testing

@testable import CNNRender

/// Classroom mode fills the view's rectangle: pictures enlarged by whole factors (a pixel as
/// several half-block cells) and the single-layer 1-D rows as blocks with large digits.
@Suite("Classroom: enlarged pictures and 1-D blocks")
struct ClassroomLargeViewsTests {
    /// A 3×2 picture with six distinct values.
    private static let small = Picture(
        width: 3, height: 2, values: [0, 0.2, 0.4, 0.6, 0.8, 1], shading: .grey(low: 0, high: 1))

    @Test("an enlarged picture repeats each pixel as zoom×zoom blocks and says 1 pixel = zoom×zoom/2 cells")
    func enlarged() throws {
        let picture = try #require(Self.small)
        let fitted = FittedPicture(picture: picture, zoom: 4)
        #expect(fitted.zoom == 4 && fitted.factor == 1)
        #expect(fitted.columns == 12 && fitted.rows == 4)
        #expect(fitted.scaleText == "1 pixel = 4×2 cells")
        #expect(fitted.block(row: 3, column: 3) == 0 && fitted.block(row: 3, column: 4) == 0.2)
        #expect(fitted.block(row: 4, column: 11) == 1 && fitted.block(row: 8, column: 0) == nil)
        // An odd zoom rounds down to an even one (a pixel is whole cells); one is no zoom.
        #expect(FittedPicture(picture: picture, zoom: 5).zoom == 4)
        #expect(FittedPicture(picture: picture, zoom: 1).scaleText == "1 cell = 1×2 pixels")
        // The blocks stay bounded whatever is asked: 600×600 pixels at zoom 2 would be 1.44 million.
        let large = try #require(
            Picture(
                width: 600, height: 600, values: Array(repeating: 0.5, count: 360_000), shading: .grey(low: 0, high: 1))
        )
        let bounded = FittedPicture(picture: large, zoom: 64)
        #expect(bounded.zoom == 1 && bounded.blocks.count == 360_000)
    }

    @Test("the window outline covers the pixels' cells at a zoom")
    func outlineAtZoom() throws {
        let fitted = FittedPicture(picture: try #require(Self.small), zoom: 4)
        let widget = PictureWidget(picture: fitted, options: RenderOptions())
        let covered = widget.cells(covering: PictureWidget.Window(row: 1, column: 1, height: 1, width: 2))
        #expect(covered.row == 2 && covered.column == 4 && covered.rows == 2 && covered.columns == 8)
    }

    @Test("a zoom fits the pictures side by side in the columns and each in the rows")
    func zoomChoice() {
        #expect(PicturePair.fitZoom(widths: [64, 32], heights: [32, 16], columns: 192, rows: 40) == 2)
        #expect(PicturePair.fitZoom(widths: [8, 6], heights: [8, 6], columns: 190, rows: 40) == 10)
        #expect(PicturePair.fitZoom(widths: [96, 94], heights: [48, 46], columns: 192, rows: 40) == 1)
    }

    /// The built-in course.
    static func course() throws -> TutorialSession {
        try #require(TutorialSession.session(scenes: try BuiltinCourse.load().get()))
    }

    @Test("classroom 200×60: the Sobel scene's picture pair at full resolution, the pixels under the window below")
    func sobelScene() throws {
        var session = try Self.course()
        let scene = try #require(session.scenes.firstIndex { $0.file.hasSuffix("06-sobel-patch.yaml") })
        session.go(scene: scene, beat: 1)
        session.finishBeat()
        let canvas = TutorialScreen.render(session, width: 200, height: 60, options: RenderOptions(classroom: true))
            .canvas
        GoldenText.check(
            AnsiText.document(canvas) + "\n", named: "picture-classroom-06-200x60.ansi", in: Golden.directory)
        #expect(LayoutCheck.problems(in: RenderedFrame(canvas: canvas)).filter { !$0.contains("footer") }.isEmpty)
        #expect(canvas.contains("input 48×96  1 cell = 1×2 pixels  0…255"))
        #expect(canvas.contains("feature map 46×94"))
        #expect(canvas.contains("under the window"))
        #expect(canvas.contains("25   25  109"))
        // The picture spans 96 columns (one pixel a column) and 24 rows.
        let halfBlockRows = canvas.lines.filter { $0.filter { $0 == "▀" }.count >= 96 }
        #expect(halfBlockRows.count >= 24)
    }

    @Test("a small image is enlarged in normal mode too: the pooled gradient at 2 columns a pixel")
    func smallImage() throws {
        var configuration = ExploreConfiguration()
        try Settings.named(.image).apply(Repository.url("Samples/gradient.pgm").path, to: &configuration)
        try ImageInput.load(into: &configuration, view: PoolModel.self)
        var model = try PoolModel(configuration: configuration, playing: false, speed: 1)
        model.player.go(to: 9)
        let canvas = PoolView.render(model, width: 200, height: 60, options: RenderOptions()).canvas
        #expect(canvas.contains("input 32×64  1 pixel = 2×1 cells"))
        #expect(canvas.contains("under the window"))
        #expect(canvas.lines.contains { $0.filter { $0 == "▀" }.count >= 128 + 64 })
        #expect(LayoutCheck.problems(in: RenderedFrame(canvas: canvas)).filter { !$0.contains("footer") }.isEmpty)
    }

    @Test("classroom 200×60: the single-layer 1-D rows are blocks in the large font, the taps framed")
    func oneDBlocks() throws {
        var model = OneDModel(setup: OneDSetup(causal: true, pattern: .random), playing: false)
        model.player.go(to: 6)
        let canvas = OneDView.render(model, width: 200, height: 60, options: RenderOptions(classroom: true)).canvas
        GoldenText.check(AnsiText.document(canvas) + "\n", named: "oned-classroom-200x60.ansi", in: Golden.directory)
        #expect(LayoutCheck.problems(in: RenderedFrame(canvas: canvas)).filter { !$0.contains("footer") }.isEmpty)
        #expect(canvas.lines.filter { $0.contains("██") }.count >= 12, "digits in the block font, rows tall")
        #expect(canvas.cells.contains { $0.character == "┏" }, "the read taps and the output are framed")
        // The rows fill the height: the output row's blocks reach past half the screen.
        let output = try #require(canvas.lines.firstIndex { $0.hasPrefix(" output") })
        #expect(output > 30)
    }
}
