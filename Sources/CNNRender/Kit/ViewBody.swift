import CNNSandbox

/// What a view draws: its body (everything between the host's title bar and status line), where
/// clicks land in it, and what the status line says about it. The host (`ViewHost`) draws the
/// chrome around it: title bar, status line, refusal boxes (`refusals`), help overlay.
public struct ViewBody: Sendable {
    /// The body, as wide as the screen and two rows shorter.
    public var canvas: Canvas
    /// Click targets, in body coordinates.
    public var hits: [HitRegion]
    /// The status line's left part: the step, the cell computed, playing or paused (or, when the
    /// core refuses the settings, what to change).
    public var status: [Segment]
    /// The status line's key hints.
    public var hints: String
    /// Refusals the view reports, each in the rectangle it left blank for it; the host draws them.
    public var refusals: [RefusalBox]
    /// A layer over the body and its refusal boxes (the conv view's code overlay), as large as
    /// the body; the host draws the cells written on it, last.
    public var overlay: Canvas?

    /// Creates a body.
    public init(
        canvas: Canvas, hits: [HitRegion] = [], status: [Segment], hints: String, refusals: [RefusalBox] = [],
        overlay: Canvas? = nil
    ) {
        self.canvas = canvas
        self.hits = hits
        self.status = status
        self.hints = hints
        self.refusals = refusals
        self.overlay = overlay
    }

    /// The host's one way to draw what lies over the body once it is on the screen, `rowOffset`
    /// rows down: each refusal box (recorded in `canvas.layout`), then the overlay.
    public func drawRefusalsAndOverlay(into canvas: inout Canvas, rowOffset: Int, options: RenderOptions) {
        let palette = Palette(options: options)
        for refusal in refusals {
            refusal.draw(into: &canvas, palette: palette, glyphs: options.glyphs, rowOffset: rowOffset)
        }
        guard let overlay else { return }
        for row in 0..<overlay.height {
            for column in 0..<overlay.width {
                let wrote = overlay.written(row: row, column: column)
                guard wrote.text || wrote.fill else { continue }
                canvas.copyCell(
                    overlay[row, column], wroteText: wrote.text, wroteFill: wrote.fill, row: row + rowOffset,
                    column: column)
            }
        }
    }
}

extension ViewBody {
    /// The usual status: `step 3/25  out[0,2]  ❚❚ paused` (label nil: the core refused the settings,
    /// and `refusal` says what to change).
    public static func status(player: Player, label: String?, refusal: String, palette: Palette, glyphs: Glyphs)
        -> [Segment]
    {
        guard let label else { return [Segment(refusal, palette.error)] }
        var segments = [Segment("step \(player.step + 1)/\(player.stepCount)", CellStyle(bold: true))]
        if !label.isEmpty { segments.append(Segment("  \(glyphs.adapt(label))")) }
        let state = player.playing ? "\(glyphs.play) \(NumberText.format(player.speed))/s" : "\(glyphs.pause) paused"
        segments.append(Segment("  \(state)"))
        return segments
    }
}
