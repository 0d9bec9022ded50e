import CNNCourse
import CNNSandbox

/// The layout rules every beat of a scene must keep on a screen size: nothing drawn over
/// anything else, no refusal box in place of the view, the header cut with an ellipsis (never
/// mid-word without one), the footer keeping `? keys` and `q quit`, and every output cell the
/// beat names on screen when it has played (LayoutCheck+Referents.swift), and the table or
/// matrix row it is about (LayoutCheck+Rows.swift).
public enum LayoutCheck {
    /// One broken rule: the scene and beat (both 0-based), the screen and what is wrong.
    public struct Problem: Sendable, CustomStringConvertible {
        public let scene: Int
        public let beat: Int
        public let width: Int
        public let height: Int
        public let message: String

        /// `scene 3 beat 2 at 80×24: …` (1-based).
        public var description: String {
            "scene \(scene + 1) beat \(beat + 1) at \(width)×\(height): \(message)"
        }
    }

    /// Plays every beat of every scene of `session` (its start and its end, after a `play` beat
    /// has run) and returns the broken rules.
    public static func problems(
        _ session: TutorialSession, width: Int, height: Int, options: RenderOptions,
        scenes: Range<Int>? = nil
    ) -> [Problem] {
        var session = session
        var found: [Problem] = []
        for scene in scenes ?? session.scenes.indices {
            for beat in session.scenes[scene].beats.indices {
                session.go(scene: scene, beat: beat)
                let start = TutorialScreen.render(session, width: width, height: height, options: options)
                var messages = problems(in: start)
                var end = start
                if session.isAnimating {
                    session.finishBeat()
                    end = TutorialScreen.render(session, width: width, height: height, options: options)
                    messages += problems(in: end).map { "after the beat plays: \($0)" }
                }
                messages += missingReferents(session.scenes[scene], beat: beat, view: session.view, in: end)
                messages += missingRows(session.scenes[scene], beat: beat, view: session.view, in: end)
                found += messages.map {
                    Problem(scene: scene, beat: beat, width: width, height: height, message: $0)
                }
            }
        }
        return found
    }

    /// The broken rules of one frame of the tutorial.
    public static func problems(in frame: RenderedFrame) -> [String] {
        let canvas = frame.canvas
        var messages: [String] = []
        let layout = canvas.layout
        if layout.overlapCount > 0, let first = layout.overlaps.first {
            messages.append(
                "\(layout.overlapCount) cell\(layout.overlapCount == 1 ? "" : "s") drawn over, first at row \(first.row) column \(first.column) ('\(first.old)' under '\(first.new)'): \(canvas.lines[first.row])"
            )
        }
        for refusal in layout.refusals {
            messages.append("the view shows a '\(refusal)' box instead of its grids")
        }
        let lines = canvas.lines
        if let header = lines.first, header.unicodeScalars.count >= canvas.width, !header.hasSuffix("…"),
            !header.hasSuffix("...")
        {
            messages.append("the header is cut without an ellipsis: \(header)")
        }
        if let footer = lines.last, !(footer.contains("? keys") && footer.contains("q quit")) {
            messages.append("the footer lost '? keys' or 'q quit': \(footer)")
        }
        return messages
    }
}
