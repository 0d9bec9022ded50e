import CNNCore
import CNNRender
import CNNSandbox
import Foundation
import Testing

/// The properties of the one strip layout and of refusals drawn by the host, held for every view:
/// no renderer outside the kit carries its own zoom ladder; every body stays inside its rectangle
/// for a spread of settings; a view that refuses reports a box, and the host draws it.
@Suite("Every view: one strip layout, bodies inside their rectangles, refusals drawn by the host")
struct ViewLayoutTests {
    /// The Swift files of `Sources/CNNRender`, by path relative to it.
    static func rendererSources() throws -> [(path: String, text: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CNNRender")
        let paths = try #require(FileManager.default.subpathsOfDirectory(atPath: root.path) as [String]?)
        return try paths.filter { $0.hasSuffix(".swift") }.sorted().map {
            ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test("no file in Sources/CNNRender outside Kit defines a zoom ladder")
    func oneLadder() throws {
        let sources = try Self.rendererSources()
        #expect(sources.contains { $0.path == "Kit/StripZoom.swift" })
        // Three (extra, rowStep)-like integer pairs in a row, or a list named `zooms`.
        let ladder = try Regex(#"\(\s*\d+\s*,\s*\d+\s*\)\s*,\s*\(\s*\d+\s*,\s*\d+\s*\)\s*,\s*\(\s*\d+\s*,\s*\d+\s*\)"#)
        let named = try Regex(#"\bzooms\b"#)
        var offenders: [String] = []
        for (path, text) in sources where !path.hasPrefix("Kit/") {
            if text.contains(ladder) || text.contains(named) { offenders.append(path) }
        }
        #expect(offenders.isEmpty, "zoom ladders outside Kit (use StripZoom / StripLayout): \(offenders)")
    }

    @Test("only the kit draws refusal boxes: no view records or draws one itself")
    func onlyTheHostDrawsRefusals() throws {
        var offenders: [String] = []
        for (path, text) in try Self.rendererSources() where !path.hasPrefix("Kit/") {
            // The tutorial's host records the scene it cannot show (no view to report it).
            if path == "Tutorial/TutorialScreen.swift" { continue }
            // RefusalBox.draw(into:palette:glyphs:rowOffset:) is the host's; views only make boxes.
            let drawsBox = ["recordRefusal", "drawRefusalsAndOverlay(", ".draw(into: &canvas, palette:"].contains {
                text.contains($0)
            }
            if drawsBox { offenders.append(path) }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }

    /// A spread of settings for every view: the default, small to large inputs, a stride.
    static let configurations: [ExploreConfiguration] = [
        ExploreConfiguration(),
        ExploreConfiguration(
            conv: ConvSetup(inputRows: 3, inputColumns: 3, kernelRows: 2, kernelColumns: 2),
            given: ["input", "kernel"]),
        ExploreConfiguration(conv: ConvSetup(inputRows: 16, inputColumns: 16), given: ["input"]),
        ExploreConfiguration(conv: ConvSetup(inputRows: 64, inputColumns: 64), given: ["input"]),
        ExploreConfiguration(
            conv: ConvSetup(inputRows: 9, inputColumns: 30, stride: [2, 2]), given: ["input", "stride"]),
    ]

    /// Actions that drive any view towards a setting its core refuses.
    static let refusingActions: [ExploreAction] = [.dilation(+1), .kernelSize(+1), .inputSize(-1), .viewKey("U")]

    /// The models of a view for the spread of settings, and the first refused setting reached
    /// from the default by one of `refusingActions` pressed repeatedly.
    static func models(_ name: String) throws -> (all: [any SandboxModel], refused: (any SandboxModel)?) {
        let type = try #require(SandboxViews.model(named: name))
        let models = configurations.compactMap { try? type.init(configuration: $0, playing: false, speed: 2) }
        var refused: (any SandboxModel)?
        search: for action in refusingActions {
            guard var model = models.first else { break }
            for _ in 0..<12 {
                model.apply(action)
                if model.errorMessage != nil {
                    refused = model
                    break search
                }
            }
        }
        return (models + (refused.map { [$0] } ?? []), refused)
    }

    /// What is wrong with a body drawn into `width` × `height`: text below or above it, text
    /// drawn over other text, click targets or refusal boxes outside it, a box the view drew itself.
    static func problems(_ body: ViewBody, width: Int, height: Int) -> [String] {
        var found: [String] = []
        let layout = body.canvas.layout
        if layout.rowsClipped > 0 {
            found.append("\(layout.rowsClipped) texts ran off the body, first on row \(layout.firstClippedRow ?? 0)")
        }
        for hit in body.hits
        where hit.row < 0 || hit.column < 0 || hit.row + hit.height > height || hit.column + hit.width > width {
            found.append("a click target at \(hit.row),\(hit.column) \(hit.width)×\(hit.height) leaves the body")
        }
        for box in body.refusals {
            let boxHeight = box.height(glyphs: .unicode)
            if box.top < 0 || box.left < 0 || box.left + box.width > width || box.top + boxHeight > height {
                found.append(
                    "the '\(box.title)' box at \(box.top),\(box.left) \(box.width)×\(boxHeight) leaves the body")
            }
        }
        if layout.overlapCount > 0, let first = layout.overlaps.first {
            found.append("\(layout.overlapCount) cells drawn over, first at row \(first.row) column \(first.column)")
        }
        if !layout.refusals.isEmpty { found.append("the view drew a refusal box itself: \(layout.refusals)") }
        return found
    }

    @Test(
        "every view's body fits its rectangle at 80×24 and 200×60 for a spread of settings",
        arguments: SandboxViews.names)
    func bodiesFit(name: String) throws {
        let (models, _) = try Self.models(name)
        #expect(models.count >= 3, "the \(name) view builds from most of the settings")
        var faults: [String] = []
        for model in models {
            for (width, height) in [(80, 24), (200, 60)] {
                for classroom in [false, true] {
                    let options = RenderOptions(color: false, classroom: classroom)
                    let body = ViewRenderers.body(model, width: width, height: height - 2, options: options)
                    faults += Self.problems(body, width: width, height: height - 2).map {
                        "\(name) \(width)×\(height)\(classroom ? " classroom" : "") \(model.errorMessage ?? ""): \($0)"
                    }
                }
            }
        }
        #expect(faults.isEmpty, "\(faults.count) faults:\n\(faults.prefix(8).joined(separator: "\n"))")
    }

    @Test("the conv view's code overlay lies over the refusal box the host draws")
    func overlayOverRefusal() throws {
        var model = ConvModel(
            setup: ConvSetup(inputRows: 5, inputColumns: 5, kernelRows: 5, kernelColumns: 5), playing: false)
        model.apply(.dilation(+1))
        #expect(model.errorMessage != nil)
        let options = RenderOptions(color: false)
        let plain = model.render(width: 80, height: 24, options: options).canvas
        let boxRow = try #require(plain.row(containing: "cannot compute"))
        model.apply(.viewKey(ConvModel.codeKey))
        let frame = model.render(width: 80, height: 24, options: options).canvas
        #expect(frame.layout.refusals == ["cannot compute"], "the host still draws and records the box")
        let title = try #require(frame.row(containing: "PyTorch (cnnviz explore --torch)"))
        #expect(frame.lines[title].contains("T closes"))
        // The box's left edge runs down the rows the overlay covers; there the overlay shows.
        let boxLeft = try #require(Array(plain.lines[boxRow].unicodeScalars).firstIndex(of: "┌"))
        for row in title..<(title + 4) {
            let scalars = Array(frame.lines[row].unicodeScalars)
            #expect(scalars.count > boxLeft && scalars[boxLeft] != "│", "row \(row): the box is over the overlay")
            #expect(Array(plain.lines[row].unicodeScalars).dropFirst(boxLeft).first == "│", "the box is under it")
        }
    }

    @Test(
        "a view that refuses reports a box, and the host draws it (explore and lesson)", arguments: SandboxViews.names)
    func refusalsDrawnByTheHost(name: String) throws {
        let refused = try #require(try Self.models(name).refused, "no refused setting reached for \(name)")
        for (width, height) in [(80, 24), (200, 60)] {
            let options = RenderOptions(color: false)
            let body = ViewRenderers.body(refused, width: width, height: height - 2, options: options)
            #expect(!body.refusals.isEmpty, "\(name) refuses (\(refused.errorMessage ?? "")) but reports no box")
            let frame = refused.render(width: width, height: height, options: options)
            #expect(frame.canvas.layout.refusals.count == body.refusals.count)
            for box in body.refusals {
                #expect(frame.canvas.lines[box.top + 1].contains(" \(box.title) "), "the host draws the \(name) box")
            }
        }
    }
}
