import CNNSandbox

/// Draws the chrome every sandbox view shares, around the view's body: the title bar (row 0),
/// the status line (last row), the refusal boxes the body reports, and the help overlay, which
/// comes from the view's key map.
public enum ViewHost {
    /// The whole screen of `model` in `cnnviz explore`.
    public static func render(_ model: any SandboxModel, width: Int, height: Int, options: RenderOptions)
        -> RenderedFrame
    {
        var canvas = Canvas(width: width, height: height)
        let palette = Palette(options: options)
        let glyphs = options.glyphs
        let kind = type(of: model).kind
        TitleBar.draw(
            title: "cnnviz explore \(glyphs.dot) \(kind.title)", hint: "? keys  q quit", into: &canvas,
            palette: palette)
        let bodyHeight = max(1, height - 2)
        let body = ViewRenderers.body(model, width: width, height: bodyHeight, options: options)
        canvas.blit(body.canvas, sourceRows: 0..<min(bodyHeight, height - 1), row: 1, column: 0)
        body.drawRefusalsAndOverlay(into: &canvas, rowOffset: 1, options: options)
        if height >= 2 {
            ExpressionText.draw(
                [body.status + [Segment("  \(glyphs.adapt(body.hints))", palette.dim)]], into: &canvas,
                row: height - 1, column: 1)
        }
        if model.showHelp {
            KeyHelp.drawOverlay(
                type(of: model).keyMap.entries, title: "keys: \(kind.title)", into: &canvas, options: options)
        }
        let hits = body.hits.map { $0.offset(rows: 1) }
        return RenderedFrame(canvas: canvas, hits: hits)
    }
}

extension HitRegion {
    /// The same region moved down by `rows`.
    public func offset(rows: Int) -> HitRegion {
        HitRegion(row: row + rows, column: column, width: width, height: height, target: target)
    }
}
