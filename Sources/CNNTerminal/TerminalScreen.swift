import CNCurses
import CNNRender

#if canImport(Glibc)
    import Glibc
#endif

/// The running terminal: shows canvases and reads input. Made by `TerminalSession.run`;
/// valid only inside its body.
@MainActor
public final class TerminalScreen {
    /// What the terminal can show (decided at start).
    public let capabilities: TerminalCapabilities

    private let window: UnsafeMutablePointer<WINDOW>
    private let resolver: StyleResolver
    private var pairs: ColorPairCache
    private var previous: Canvas?
    private let mousePressedMask: UInt32
    private let mouseClickedMask: UInt32
    /// What the last draw sent.
    private var lastDrawCost = DrawCost()
    /// When the last input event was read (the start of a key → frame measurement).
    private var lastEventAt: UInt64 = InteractiveClock.now
    /// Where draw measurements go, when asked for (CNNVIZ_DRAW_STATS_FD).
    private var statistics = DrawStatistics.fromEnvironment()
    /// Whether draws go straight to the terminal (`DirectOutput`) rather than through ncurses'
    /// refresh; decided from the terminal's cursor addressing.
    private let direct: Bool

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

    /// Before ncurses ends the session: blanks a directly drawn screen, since ncurses does not
    /// know what is on it (tmux, after a resize, would otherwise show parts of it on the
    /// shell's screen).
    func leave() {
        guard direct else { return }
        TerminalWrite.all(Array("\u{1B}[m\u{1B}[r\u{1B}[H\u{1B}[2J".utf8))
    }

    /// Draws the changed cells with `DirectOutput` and one write to the terminal.
    private func drawDirectly(_ canvas: Canvas) {
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
    private static func sgrBytes(_ style: ResolvedStyle, colors: Int) -> Int {
        DrawCost.sgrBytes(
            bold: style.bold, dim: style.dim, reverse: style.reverse, underline: style.underline,
            foreground: style.colors.flatMap { $0.foreground >= 0 ? Int($0.foreground) : nil },
            background: style.colors.flatMap { $0.background >= 0 ? Int($0.background) : nil },
            colors: colors)
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

    /// Waits for the next event. `nil` waits without a deadline (no CPU while idle);
    /// otherwise `.timeout` comes after `timeoutMilliseconds`. A pending SIGINT, SIGTERM or
    /// SIGHUP is reported as `.terminate` before anything else.
    public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent {
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds.map { clock.now.advanced(by: .milliseconds(max(0, $0))) }
        var failures = 0
        var firstRead = true
        while true {
            if let signal = SignalHandling.takePendingSignal() { return .terminate(signal: signal) }
            var wait: Int32 = -1
            if let deadline {
                let remaining = clock.now.duration(to: deadline)
                if remaining > .zero {
                    let (seconds, attoseconds) = remaining.components
                    let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
                    wait = Int32(clamping: max(1, milliseconds))
                } else if firstRead {
                    wait = 0  // a zero timeout still looks at input already waiting
                } else {
                    lastEventAt = InteractiveClock.now
                    return .timeout
                }
            }
            firstRead = false
            wtimeout(window, wait)
            errno = 0
            waitingForInput.store(true, ordering: .sequentiallyConsistent)
            // A signal that arrived just before the wait is not lost: check once more.
            if let signal = SignalHandling.takePendingSignal() {
                waitingForInput.store(false, ordering: .sequentiallyConsistent)
                return .terminate(signal: signal)
            }
            let code = wgetch(window)
            waitingForInput.store(false, ordering: .sequentiallyConsistent)
            if code == ERR {
                if let signal = SignalHandling.takePendingSignal() { return .terminate(signal: signal) }
                if deadline == nil && errno != EINTR {
                    // Input closed (terminal gone): stop as on hang-up rather than spin.
                    failures += 1
                    if failures >= 3 { return .terminate(signal: SIGHUP) }
                }
                continue
            }
            failures = 0
            var decoded: DecodedInput
            if code > 0xFF {
                decoded = KeyDecoder.decodeKeyCode(code)
            } else if let scalar = readCharacter(startingWith: UInt8(code)) {
                decoded = KeyDecoder.decodeCharacter(scalar.value)
            } else {
                continue  // bytes that are not UTF-8: dropped
            }
            if decoded == .key(.escape) { decoded = EscapeSequenceDecoder.decode(readEscapeTail()) }
            lastEventAt = InteractiveClock.now
            switch decoded {
            case .key(let key):
                return .key(key)
            case .resize:
                previous = nil
                // ncurses repaints its own (blank) window after a resize on the next wgetch;
                // let it do so now, before the full direct draw that follows.
                if direct { wrefresh(window) }
                let (width, height) = size
                return .resize(width: width, height: height)
            case .mouse:
                var event = MEVENT()
                guard getmouse(&event) == OK,
                    KeyDecoder.isLeftPress(
                        buttonState: UInt32(truncatingIfNeeded: event.bstate),
                        pressedMask: mousePressedMask, clickedMask: mouseClickedMask)
                else { continue }
                return .mouse(row: Int(event.y), column: Int(event.x))
            case .ignored:
                continue
            }
        }
    }

    /// The character that starts with `byte`: the byte itself for ASCII, otherwise the UTF-8
    /// sequence it starts, reading the rest with a short wait. Bytes that are not UTF-8 (a
    /// Latin-1 é, a lone continuation byte, a sequence cut short) give nil and are dropped;
    /// a key code that turns up is pushed back for the next call.
    private func readCharacter(startingWith byte: UInt8) -> Unicode.Scalar? {
        var decoder = UTF8InputDecoder()
        if let scalar = decoder.feed(byte) { return scalar }
        while decoder.isPending {
            wtimeout(window, TerminalScreen.continuationWaitMilliseconds)
            let code = wgetch(window)
            if code == ERR { return nil }
            if code > 0xFF {
                ungetch(code)
                return nil
            }
            if let scalar = decoder.feed(UInt8(code)) { return scalar }
        }
        return nil
    }

    /// How long to wait for the rest of a UTF-8 character after its first byte.
    static let continuationWaitMilliseconds: Int32 = 10

    /// Reads, without waiting, what is already queued after an Esc: ncurses hands over an
    /// escape sequence it does not know as Esc followed by its bytes. A key code that
    /// turns up is pushed back for the next call.
    private func readEscapeTail() -> [UInt32] {
        var tail: [UInt32] = []
        wtimeout(window, 0)
        while tail.count < EscapeSequenceDecoder.maximumLength && !EscapeSequenceDecoder.isComplete(tail) {
            let code = wgetch(window)
            if code == ERR { break }
            if code > 0xFF {
                ungetch(code)
                break
            }
            tail.append(UInt32(code))
        }
        return tail
    }
}
