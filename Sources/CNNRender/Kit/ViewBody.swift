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

    /// Creates a body.
    public init(
        canvas: Canvas, hits: [HitRegion] = [], status: [Segment], hints: String, refusals: [RefusalBox] = []
    ) {
        self.canvas = canvas
        self.hits = hits
        self.status = status
        self.hints = hints
        self.refusals = refusals
    }

    /// The host's one way to draw the body's refusals: each box, `rowOffset` rows lower (where
    /// the body was put on the screen), recorded in `canvas.layout`.
    public func drawRefusals(into canvas: inout Canvas, rowOffset: Int, options: RenderOptions) {
        let palette = Palette(options: options)
        for refusal in refusals {
            refusal.draw(into: &canvas, palette: palette, glyphs: options.glyphs, rowOffset: rowOffset)
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
