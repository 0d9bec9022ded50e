import CNCurses
import CNNRender

#if canImport(Glibc)
    import Glibc
#endif

/// The running terminal: shows canvases and reads input. Made by `TerminalSession.run`;
/// valid only inside its body. Drawing through ncurses is here; drawing straight to the
/// terminal is in TerminalScreen+Direct.swift, reading input in TerminalScreen+Input.swift.
@MainActor
public final class TerminalScreen {
    /// What the terminal can show (decided at start).
    public let capabilities: TerminalCapabilities

    let window: UnsafeMutablePointer<WINDOW>
    let resolver: StyleResolver
    private var pairs: ColorPairCache
    var previous: Canvas?
    let mousePressedMask: UInt32
    let mouseClickedMask: UInt32
    /// What the last draw sent.
    var lastDrawCost = DrawCost()
    /// When the last input event was read (the start of a key → frame measurement).
    var lastEventAt: UInt64 = InteractiveClock.now
    /// Where draw measurements go, when asked for (CNNVIZ_DRAW_STATS_FD).
    var statistics = DrawStatistics.fromEnvironment()
    /// Whether draws go straight to the terminal (`DirectOutput`) rather than through ncurses'
    /// refresh; decided from the terminal's cursor addressing.
    let direct: Bool

    init(window: UnsafeMutablePointer<WINDOW>, capabilities: TerminalCapabilities, defaultColorsAvailable: Bool) {
        self.window = window
        self.capabilities = capabilities
        self.resolver = StyleResolver(colors: capabilities.colors, defaultColorsAvailable: defaultColorsAvailable)
        self.pairs = ColorPairCache(pairCount: capabilities.colors > 0 ? Int(cnn_color_pairs()) : 0)
        self.mousePressedMask = UInt32(truncatingIfNeeded: cnn_button1_pressed())
        self.mouseClickedMask = UInt32(truncatingIfNeeded: cnn_button1_clicked())
        self.direct = DirectOutput.isUsable(cursorAddressing: cnn_string_capability("cup").map { String(cString: $0) })
        // Let ncurses do its first refresh (clearing the screen) now, so that the refresh
        // wgetch makes of an untouched window never wipes a frame drawn directly.
        if direct { wrefresh(window) }
    }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Makes the next `draw` write every cell and repaint the whole terminal (for Ctrl-L,
    /// or after something else wrote to it).
    public func forceFullRedraw() {
        previous = nil
        if !direct { clearok(window, true) }  // a direct full draw rewrites every cell itself
    }

    /// Copies `canvas` to the screen (top-left aligned, clipped to the terminal), writing only
    /// the cells that changed since the last draw, then refreshes once. Records what it sent in
    /// `lastDrawCost` (and, when CNNVIZ_DRAW_STATS_FD names a descriptor, as one line there).
    public func draw(_ canvas: Canvas) {
        if direct {
            drawDirectly(canvas)
            return
        }
        let full = previous == nil
        var cost = write(canvas, fullRedraw: full, fallBackWhenPairsRunOut: false)
        if cost == nil {
            // Colour pairs ran out: start the pair table over and write everything again.
            pairs.reset()
            cost = write(canvas, fullRedraw: true, fallBackWhenPairsRunOut: true)
        }
        let written = InteractiveClock.now
        wnoutrefresh(window)
        doupdate()
        previous = canvas
        lastDrawCost = cost ?? DrawCost()
        statistics?.record(lastDrawCost, fullRedraw: full, since: lastEventAt, written: written)
    }

    /// What the last `draw` sent: changed cells, runs, and the minimum bytes they need.
    public var lastDrawReport: (changedCells: Int, runs: Int, minimumBytes: Int) {
        (lastDrawCost.changedCells, lastDrawCost.runs, lastDrawCost.minimumBytes)
    }

    /// Writes the changed cells into the window and returns their cost. Returns nil when
    /// colour pairs ran out and `fallBackWhenPairsRunOut` is false (nothing is refreshed then).
    private func write(_ canvas: Canvas, fullRedraw: Bool, fallBackWhenPairsRunOut: Bool) -> DrawCost? {
        let (width, height) = size
        if fullRedraw { werase(window) }
        let base = fullRedraw ? nil : previous
        var buffer: [cchar_t] = []
        buffer.reserveCapacity(width)
        var cost = DrawCost()
        var current = resolver.resolve(.plain)
        let plain = current
        let colors = capabilities.colors
        let unicode = capabilities.unicode
        for changed in CanvasDiff.changedRuns(from: base, to: canvas, screenWidth: width, screenHeight: height) {
            let run = ScreenCellPlan.widened(changed, canvas: canvas, screenWidth: width)
            let items = ScreenCellPlan.items(for: run, canvas: canvas, unicode: unicode) {
                Int(cnn_wcwidth(wchar_t(bitPattern: $0.value)))
            }
            buffer.removeAll(keepingCapacity: true)
            var costed: [(bytes: Int, style: ResolvedStyle)] = []
            costed.reserveCapacity(items.count)
            for item in items {
                let style = resolver.resolve(item.style)
                guard let cell = screenCell(item.scalar, style: style, fallBack: fallBackWhenPairsRunOut) else {
                    return nil
                }
                buffer.append(cell)
                costed.append((item.scalar.utf8.count, style))
            }
            cost.add(row: run.row, column: run.start, items: costed, current: &current) {
                Self.sgrBytes($0, colors: colors)
            }
            _ = mvwadd_wchnstr(window, Int32(run.row), Int32(run.start), buffer, Int32(buffer.count))
        }
        cost.finish(current: current, plain: plain)
        return cost
    }

    /// The ncurses cell for a character in a resolved style, or nil when it needs a colour
    /// pair and none is left.
    private func screenCell(_ scalar: Unicode.Scalar, style: ResolvedStyle, fallBack: Bool) -> cchar_t? {
        var attributes = cnn_attr_normal()
        if style.bold { attributes |= cnn_attr_bold() }
        if style.dim { attributes |= cnn_attr_dim() }
        if style.reverse { attributes |= cnn_attr_reverse() }
        if style.underline { attributes |= cnn_attr_underline() }
        var pair: Int16 = 0
        if let colors = style.colors {
            switch pairs.pair(for: colors) {
            case .existing(let number):
                pair = number
            case .new(let number):
                init_pair(number, colors.foreground, colors.background)
                pair = number
            case .full:
                guard fallBack else { return nil }
            }
        }
        var result = cchar_t()
        var text: [wchar_t] = [wchar_t(bitPattern: scalar.value), 0]
        setcchar(&result, &text, attributes, pair, nil)
        return result
    }
}
