import CNNCourse
import CNNSandbox
import Testing

@testable import CNNRender

/// Within one scene of the built-in course, the grids keep their cell size from beat to beat
/// while the view's setup stays the same: the narration growing, a note taking a second line or
/// the step moving on never switches a grid between spacious and compact, and no grid appears
/// or vanishes. A beat that sends keys or actions, or that puts the view in other named states
/// (`mode:`, `stage:`), starts a new run of beats that may look different.
@Suite("Course grid sizes")
struct CourseGridSizeTests {
    /// One frame's grids: title, cell width and row step, in drawing order.
    struct Sizes: Equatable, CustomStringConvertible {
        let grids: [(title: String, cellWidth: Int, rowStep: Int)]

        static func == (a: Sizes, b: Sizes) -> Bool {
            a.grids.count == b.grids.count
                && zip(a.grids, b.grids).allSatisfy { $0.cellWidth == $1.cellWidth && $0.rowStep == $1.rowStep }
        }

        var description: String {
            grids.isEmpty
                ? "no grids" : grids.map { "'\($0.title)' \($0.cellWidth)×\($0.rowStep)" }.joined(separator: ", ")
        }

        init(_ frame: RenderedFrame) {
            grids = frame.canvas.layout.grids.filter { !CourseGridSizeTests.sizedPerStep.contains($0.title) }.map {
                ($0.title, $0.cellWidth, $0.rowStep)
            }
        }
    }

    /// Grids sized for the current step, left out of the check (none: the picture's number list
    /// takes its width from the picture's range as well as the window's values).
    static let sizedPerStep: Set<String> = []

    /// The named states the view holds (its mode, picture and stage), which a beat may change.
    static func heldStates(_ session: TutorialSession) -> [String] {
        guard let view = session.view else { return [] }
        return type(of: view).namedStates.filter { $0.holds(view) }.map(\.name)
    }

    /// Every beat whose grids differ from the first beat of its run, described.
    static func jumps(width: Int, height: Int, options: RenderOptions) throws -> [String] {
        var session = try CourseLayoutTests.course()
        var found: [String] = []
        for scene in session.scenes.indices {
            var reference: (beat: Int, sizes: Sizes, states: [String])?
            for (index, beat) in session.scenes[scene].beats.enumerated() {
                session.go(scene: scene, beat: index)
                // The beat's first frame and, for a `play` beat, its last, each with the states the
                // view holds then (a play may step into another stage).
                func shown() -> (RenderedFrame, [String]) {
                    (
                        TutorialScreen.render(session, width: width, height: height, options: options),
                        heldStates(session)
                    )
                }
                var frames = [shown()]
                if session.isAnimating {
                    session.finishBeat()
                    frames.append(shown())
                }
                if !beat.keys.isEmpty || !beat.actions.isEmpty { reference = nil }
                for (position, (frame, states)) in frames.enumerated() {
                    guard let known = reference, known.states == states else {
                        reference = (index, Sizes(frame), states)
                        continue
                    }
                    if Sizes(frame) != known.sizes {
                        let when = position == 0 ? "" : " (after it plays)"
                        found.append(
                            "scene \(scene + 1) beat \(index + 1)\(when) at \(width)×\(height): \(Sizes(frame)); beat \(known.beat + 1) had \(known.sizes)"
                        )
                    }
                }
            }
        }
        return found
    }

    @Test(
        "a scene's grids keep their cell size from beat to beat while the setup stays",
        arguments: [(80, 24, false), (200, 60, true)])
    func gridsKeepTheirSize(width: Int, height: Int, classroom: Bool) throws {
        let jumps = try CourseGridSizeTests.jumps(
            width: width, height: height, options: RenderOptions(classroom: classroom))
        #expect(jumps.isEmpty, "\(jumps.count) jumps:\n\(jumps.joined(separator: "\n"))")
    }

    @Test("the grid record keeps each grid's cell width and row step")
    func recordKeepsCellSize() {
        var canvas = Canvas(width: 30, height: 10)
        GridPanel(title: "input 3×3", rows: 0..<3, columns: 0..<3, cellWidth: 4, rowStep: 2).draw(
            into: &canvas, top: 0, left: 0, titleStyle: .plain
        ) { _, _ in ("1", .plain) }
        let grid = canvas.layout.grids.first
        #expect(grid?.cellWidth == 4)
        #expect(grid?.rowStep == 2)
        var outer = Canvas(width: 40, height: 12)
        outer.blit(canvas, row: 1, column: 2)
        #expect(outer.layout.grids.first?.cellWidth == 4, "a blit keeps the cell size")
    }
}
