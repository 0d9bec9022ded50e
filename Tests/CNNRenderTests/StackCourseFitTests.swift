import CNNCourse
import CNNSandbox
import Foundation
import TestSupport
import Testing

@testable import CNNRender

/// Every beat of every built-in stack scene at 80×24 shows what its narration reads: the table's
/// totals row, the row of the level the beat selects, and every row of the grids (whole, in some
/// form) unless they fit in no form, when they are left out rather than cut into strips. Also
/// the compact and classroom golden frames of the stack and matrix views.
@Suite("Stack and matrix views in the course")
struct StackCourseFitTests {
    static func course() throws -> TutorialSession {
        let scenes = try BuiltinCourse.load().get()
        return try #require(TutorialSession.session(scenes: scenes))
    }

    /// The frames of every beat of the stack scenes (start and, after an animation, end).
    static func stackFrames(width: Int, height: Int, options: RenderOptions) throws
        -> [(scene: String, beat: Int, model: StackModel, canvas: Canvas)]
    {
        var session = try course()
        var frames: [(String, Int, StackModel, Canvas)] = []
        for scene in session.scenes.indices where session.scenes[scene].view == StackModel.self {
            for beat in session.scenes[scene].beats.indices {
                session.go(scene: scene, beat: beat)
                if session.isAnimating { session.finishBeat() }
                let model = try #require(session.view as? StackModel)
                let canvas = TutorialScreen.render(session, width: width, height: height, options: options).canvas
                frames.append((session.scenes[scene].file, beat + 1, model, canvas))
            }
        }
        return frames
    }

    @Test("80×24: the totals row, the selected level's row, and grids whole or left out — never cut into strips")
    func everyStackBeatShowsWhatItReads() throws {
        let frames = try Self.stackFrames(width: 80, height: 24, options: RenderOptions(color: false))
        #expect(frames.count >= 20)
        var whole = 0
        for (scene, beat, model, canvas) in frames {
            let place = "\(scene) beat \(beat)"
            let stack = try #require(model.stack, "\(place)")
            // The totals row, with the sum of the layers' parameters (the table-only layers add theirs).
            let parameters = stack.costs.map(\.parameters).reduce(0, +)
            let totals = canvas.lines.first { $0.hasPrefix("    total ") }
            #expect(totals != nil, "\(place): no totals row")
            if let totals, model.setup.tableOnlyRows.isEmpty {
                #expect(totals.contains(" \(parameters) "), "\(place): totals \(totals) without \(parameters)")
            }
            // The chosen level's row: its index and its layer's label.
            let label = model.level == 0 ? "input" : model.setup.layers[model.level - 1].label
            #expect(
                canvas.lines.contains { $0.hasPrefix(" \(model.level)  \(label) ") },
                "\(place): no table row for level \(model.level) (\(label))")
            // A grid cut into a viewport carries its ranges (`r0–3 c0–8`).
            let cut = canvas.lines.contains {
                $0.range(of: #"\br\d+–\d+ c\d+–\d+"#, options: .regularExpression) != nil
            }
            let leftOut = canvas.lines.contains { $0.contains("grids: they need") }
            let tallest = stack.sizes.map { $0[0] }.max() ?? 0
            let widest = stack.sizes.reduce(0) { $0 + $1[1] }
            if tallest <= 2 * 12 && widest <= 78 {
                #expect(!cut && !leftOut, "\(place): grids of \(stack.sizes) should be whole")
                whole += 1
            } else {
                #expect(!cut || tallest > 2 * 16, "\(place): grids cut into strips where they could be left out")
            }
        }
        #expect(whole >= 12)
    }

    @Test("80×24 compact form: scene 26's 9×9 input in half blocks, every row, with the whole table")
    func compactGolden() throws {
        var session = try Self.course()
        let scene = try #require(session.scenes.firstIndex { $0.file.hasSuffix("26-receptive-field.yaml") })
        session.go(scene: scene, beat: 1)
        session.finishBeat()
        let canvas = TutorialScreen.render(session, width: 80, height: 24, options: RenderOptions(color: false))
            .canvas
        Golden.check(canvas, named: "stack-course-26-80x24")
        // 9 input rows in 5 lines of half blocks: the 7 read rows are the full blocks and the halves.
        let input = canvas.lines.filter { $0.hasPrefix(" ·") }.map { String($0.unicodeScalars.prefix(10)) }
        #expect(input.count == 5)
        #expect(input.first == " ·▄▄▄▄▄▄▄·" && input.last == " ·········")
        #expect(canvas.contains("    total                                   30    747"))
    }

    @Test("classroom 200×60: stack blocks and its table in the large font, the matrix's large numbers, with styles")
    func classroomGoldens() throws {
        var session = try Self.course()
        for (file, beat, name) in [
            ("26-receptive-field.yaml", 2, "stack-classroom-26-200x60"),
            ("32-im2col.yaml", 2, "matrix-classroom-32-200x60"),
        ] {
            let scene = try #require(session.scenes.firstIndex { $0.file.hasSuffix(file) })
            session.go(scene: scene, beat: beat)
            session.finishBeat()
            let canvas = TutorialScreen.render(session, width: 200, height: 60, options: RenderOptions(classroom: true))
                .canvas
            let ansi = AnsiText.document(canvas)
            GoldenText.check(ansi + "\n", named: "\(name).ansi", in: Golden.directory)
            #expect(LayoutCheck.problems(in: RenderedFrame(canvas: canvas)).isEmpty)
            if name.hasPrefix("stack") {
                // The chosen cell is a white block with its mark; read cells are blocks in the
                // highlight's hue (213); the table is in the large font, the chosen level's row
                // (L3: r 7) in that hue too.
                #expect(canvas.cells.contains { $0.character == "◆" && $0.style.background == .white })
                #expect(canvas.cells.contains { $0.style.background?.index256 == 213 })
                let bigSeven = try #require(BigDigits.rows("7")?.first)
                #expect(
                    canvas.lines.indices.contains { row in
                        canvas.lines[row].contains(bigSeven)
                            && canvas.cells[row * canvas.width..<(row + 1) * canvas.width].contains {
                                $0.character != " " && $0.style.foreground?.index256 == 213
                            }
                    })
            } else {
                // The patch matrix's entries in the block font: a large digit's strokes.
                #expect(canvas.lines.contains { $0.contains("█▀█") })
            }
        }
    }
}
