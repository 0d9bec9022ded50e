import CNCurses
import CNNRender

/// Drawing straight to the terminal (`DirectOutput`), for terminals with ECMA-48 cursor addressing.
extension TerminalScreen {
    /// Before ncurses ends the session: blanks a directly drawn screen, since ncurses does not
    /// know what is on it (tmux, after a resize, would otherwise show parts of it on the
    /// shell's screen).
    func leave() {
        guard direct else { return }
        TerminalWrite.all(Array("\u{1B}[m\u{1B}[r\u{1B}[H\u{1B}[2J".utf8))
    }

    /// Draws the changed cells with `DirectOutput` and one write to the terminal.
    func drawDirectly(_ canvas: Canvas) {
        let full = previous == nil
        let (width, height) = size
        let plain = resolver.resolve(.plain)
        let colors = capabilities.colors
        var output = DirectOutput(colors: colors, plain: plain)
        if full { output.clearScreen(beyondCanvas: canvas.width < width || canvas.height < height) }
        var cost = DrawCost()
        var current = plain
        for changed in CanvasDiff.changedRuns(
            from: full ? nil : previous, to: canvas, screenWidth: width, screenHeight: height)
        {
            let run = ScreenCellPlan.widened(changed, canvas: canvas, screenWidth: width)
            let items = ScreenCellPlan.items(for: run, canvas: canvas, unicode: capabilities.unicode) {
                Int(cnn_wcwidth(wchar_t(bitPattern: $0.value)))
            }
            guard !items.isEmpty else { continue }
            output.move(row: run.row, column: run.start)
            var costed: [(bytes: Int, style: ResolvedStyle)] = []
            costed.reserveCapacity(items.count)
            for item in items {
                let style = resolver.resolve(item.style)
                output.put(item.scalar, style: style)
                costed.append((item.scalar.utf8.count, style))
            }
            cost.add(row: run.row, column: run.start, items: costed, current: &current) {
                Self.sgrBytes($0, colors: colors)
            }
        }
        output.finish()
        cost.finish(current: current, plain: plain)
        let written = InteractiveClock.now
        TerminalWrite.all(output.bytes)
        previous = canvas
        lastDrawCost = cost
        statistics?.record(lastDrawCost, fullRedraw: full, since: lastEventAt, written: written)
    }

    /// The SGR length `DrawCost` counts for a resolved style.
    static func sgrBytes(_ style: ResolvedStyle, colors: Int) -> Int {
        DrawCost.sgrBytes(
            bold: style.bold, dim: style.dim, reverse: style.reverse, underline: style.underline,
            foreground: style.colors.flatMap { $0.foreground >= 0 ? Int($0.foreground) : nil },
            background: style.colors.flatMap { $0.background >= 0 ? Int($0.background) : nil },
            colors: colors)
    }

}
