import CNNCore
import CNNCourse
import CNNSandbox

/// Draws the tutorial: a header naming the scene, the scene's view in the upper part, the
/// narration shown so far below it (newest paragraph emphasised), and a footer with the keys.
/// Classroom mode gives the narration a wider margin, blank lines between paragraphs and bold
/// text without dimming, and lists the presenter keys.
public enum TutorialScreen {
    /// The frame of the session's current state. `program` opens the header
    /// (`cnnviz tutorial`, or `cnnviz play` for scene files).
    public static func render(
        _ session: TutorialSession, width: Int, height: Int, options: RenderOptions, program: String = "cnnviz tutorial"
    ) -> RenderedFrame {
        var canvas = Canvas(width: width, height: height)
        if session.blanked { return RenderedFrame(canvas: canvas) }
        let palette = Palette(options: options)
        let glyphs = options.glyphs

        let title = TextWrap.cut(glyphs.adapt(header(session, program: program)), width: width - 2, glyphs: glyphs)
        TitleBar.draw(title: title, hint: "", into: &canvas, palette: palette)
        drawFooter(session, into: &canvas, palette: palette, options: options)

        let layout = NarrationLayout(session: session, width: width, height: height, classroom: options.classroom)
        // The narration's rows are reserved for the scene's longest beat, so the view keeps one
        // size (and one zoom) while the narration grows beat by beat; the text sits at the
        // bottom of those rows, just above the footer.
        let reserved = NarrationLayout.reservedRows(
            scene: session.scene, width: width, height: height, classroom: options.classroom)
        let ruleRow = height - 2 - max(layout.lines.count, reserved)
        drawNarration(layout, into: &canvas, top: height - 1 - layout.lines.count, palette: palette, options: options)
        if ruleRow >= 1 {
            canvas.putBackdrop(
                String(repeating: glyphs.horizontal, count: width), row: ruleRow, column: 0,
                style: options.classroom ? .plain : palette.faint)
        }

        var hits: [HitRegion] = []
        let viewRows = max(0, ruleRow - 1)
        if viewRows > 0 {
            if let view = session.view {
                // The view draws its body in the rows between the tutorial's header and rule;
                // the tutorial draws the chrome (header, footer with the step).
                let body = ViewRenderers.body(view, width: width, height: viewRows, options: options)
                canvas.blit(body.canvas, row: 1, column: 0)
                body.drawRefusalsAndOverlay(into: &canvas, rowOffset: 1, options: options)
                hits = body.hits.map { $0.offset(rows: 1) }
            } else {
                canvas.layout.recordRefusal("cannot show this scene")
                let message = glyphs.adapt(
                    "cannot show this scene: \(session.viewError ?? "the view could not be built")")
                for (index, line) in TextWrap.lines(message, width: max(1, width - 4)).prefix(viewRows).enumerated() {
                    canvas.put(line, row: 2 + index, column: 2, style: palette.error)
                }
            }
        }

        if session.listCursor != nil {
            SceneListOverlay.draw(session, into: &canvas, options: options)
        } else if session.showHelp {
            KeyHelp.drawOverlay(TutorialKeyHelp.entries, title: "tutorial keys", into: &canvas, options: options)
        }
        return RenderedFrame(canvas: canvas, hits: hits)
    }

    /// `cnnviz tutorial · scene 3/22 · topic 2: Cross-correlation, step by step`.
    public static func header(_ session: TutorialSession, program: String = "cnnviz tutorial") -> String {
        "\(program) · scene \(session.sceneIndex + 1)/\(session.scenes.count) · topic \(session.scene.topic): \(session.scene.title)"
    }

    private static func drawFooter(
        _ session: TutorialSession, into canvas: inout Canvas, palette: Palette, options: RenderOptions
    ) {
        let glyphs = options.glyphs
        let row = canvas.height - 1
        guard row >= 1 else { return }
        var status = ["beat \(session.beatIndex + 1)/\(session.scene.beats.count)"]
        if let view = session.view { status.append("step \(view.player.step + 1)/\(view.player.stepCount)") }
        if let digit = session.pendingDigit { status.append("scene \(digit)\(glyphs.ellipsis)") }
        // The lesson's own state: auto-advancing, a beat's animation playing, or waiting for a key.
        if session.autoplay {
            status.append("\(glyphs.play) auto")
        } else {
            status.append(session.isAnimating ? glyphs.play : glyphs.pause)
        }
        let right = status.joined(separator: " ")
        let keys = glyphs.adapt(options.classroom ? TutorialKeyHelp.classroomFooter : TutorialKeyHelp.footer)
        let rightStart = canvas.width - right.unicodeScalars.count - 1
        canvas.put(right, row: row, column: max(0, rightStart), style: palette.key)
        let room = rightStart - 3
        guard room > 0 else { return }
        let shown = keys.unicodeScalars.count <= room ? keys : fitted(keys, width: room)
        canvas.put(" " + shown, row: row, column: 0, style: options.classroom ? .plain : palette.dim)
    }

    /// Whole two-space-separated items of `text` that fit in `width`: the last two (`? keys`,
    /// `q quit`) always, then as many of the first ones as there is room for.
    static func fitted(_ text: String, width: Int) -> String {
        let items = text.components(separatedBy: "  ")
        let kept = Array(items.suffix(2))
        var result = kept.joined(separator: "  ")
        var leading: [String] = []
        for item in items.dropLast(2) {
            let candidate = (leading + [item] + kept).joined(separator: "  ")
            if candidate.unicodeScalars.count > width { break }
            leading.append(item)
            result = candidate
        }
        return result.unicodeScalars.count <= width ? result : ""
    }

    private static func drawNarration(
        _ layout: NarrationLayout, into canvas: inout Canvas, top: Int, palette: Palette, options: RenderOptions
    ) {
        for (index, line) in layout.lines.enumerated() {
            let style: CellStyle
            if line.newest {
                style = CellStyle(bold: true)
            } else {
                style = options.classroom ? .plain : palette.dim
            }
            canvas.put(options.glyphs.adapt(line.text), row: top + index, column: layout.margin, style: style)
        }
    }
}

/// The narration's wrapped lines and where they sit.
struct NarrationLayout {
    /// One line of narration; `newest` marks the lines of the newest paragraph.
    struct Line {
        let text: String
        let newest: Bool
    }

    /// The lines shown (the newest kept when they do not all fit).
    let lines: [Line]
    /// The left margin.
    let margin: Int

    init(session: TutorialSession, width: Int, height: Int, classroom: Bool) {
        self.init(
            paragraphs: Array(session.scene.narration.prefix(session.paragraphsShown)), width: width, height: height,
            classroom: classroom)
    }

    /// The most lines any beat of `scene` shows at this size.
    static func reservedRows(scene: Scene, width: Int, height: Int, classroom: Bool) -> Int {
        let counts = Set(scene.beats.indices.map { scene.paragraphsShown(atBeat: $0) })
        return counts.map { count in
            NarrationLayout(
                paragraphs: Array(scene.narration.prefix(count)), width: width, height: height, classroom: classroom
            ).lines.count
        }.max() ?? 0
    }

    init(paragraphs: [String], width: Int, height: Int, classroom: Bool) {
        // The full width below the view, with a wider margin in classroom mode (a projected
        // screen's edges are often cut off or hard to read).
        let textWidth = classroom ? max(10, width - 8) : max(10, width - 4)
        margin = classroom ? 4 : 2
        // The view keeps most of the screen: narration takes at most a quarter (a third in
        // classroom mode, whose screens are large). When the paragraphs do not all fit, whole
        // older paragraphs give way first; the newest is shown from its start, cut with an ellipsis.
        let limit = max(2, classroom ? height / 3 : height / 4)
        let wrapped = paragraphs.map { TextWrap.lines($0, width: textWidth) }
        var kept: [Line] = []
        if let newest = wrapped.last {
            kept = newest.prefix(limit).map { Line(text: $0, newest: true) }
            if newest.count > limit, let last = kept.popLast() {
                let text = String(String.UnicodeScalarView(last.text.unicodeScalars.prefix(max(0, textWidth - 1))))
                kept.append(Line(text: text + "…", newest: true))
            }
        }
        for older in wrapped.dropLast().reversed() {
            let gap = classroom ? 1 : 0
            guard kept.count + gap + older.count <= limit else { break }
            kept =
                older.map { Line(text: $0, newest: false) } + (classroom ? [Line(text: "", newest: false)] : []) + kept
        }
        lines = kept
    }
}
