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

    init(window: UnsafeMutablePointer<WINDOW>, capabilities: TerminalCapabilities, defaultColorsAvailable: Bool) {
        self.window = window
        self.capabilities = capabilities
        self.resolver = StyleResolver(colors: capabilities.colors, defaultColorsAvailable: defaultColorsAvailable)
        self.pairs = ColorPairCache(pairCount: capabilities.colors > 0 ? Int(cnn_color_pairs()) : 0)
        self.mousePressedMask = UInt32(truncatingIfNeeded: cnn_button1_pressed())
        self.mouseClickedMask = UInt32(truncatingIfNeeded: cnn_button1_clicked())
    }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Makes the next `draw` write every cell and repaint the whole terminal (for Ctrl-L,
    /// or after something else wrote to it).
    public func forceFullRedraw() {
        previous = nil
        clearok(window, true)
    }

    /// Copies `canvas` to the screen (top-left aligned, clipped to the terminal), writing only
    /// the cells that changed since the last draw, then refreshes once.
    public func draw(_ canvas: Canvas) {
        if !write(canvas, fullRedraw: previous == nil, fallBackWhenPairsRunOut: false) {
            // Colour pairs ran out: start the pair table over and write everything again.
            pairs.reset()
            _ = write(canvas, fullRedraw: true, fallBackWhenPairsRunOut: true)
        }
        wnoutrefresh(window)
        doupdate()
        previous = canvas
    }

    /// Writes the changed cells into the window. Returns false when colour pairs ran out
    /// and `fallBackWhenPairsRunOut` is false (nothing is refreshed then).
    private func write(_ canvas: Canvas, fullRedraw: Bool, fallBackWhenPairsRunOut: Bool) -> Bool {
        let (width, height) = size
        if fullRedraw { werase(window) }
        let base = fullRedraw ? nil : previous
        var buffer: [cchar_t] = []
        buffer.reserveCapacity(width)
        for run in CanvasDiff.changedRuns(from: base, to: canvas, screenWidth: width, screenHeight: height) {
            buffer.removeAll(keepingCapacity: true)
            for column in run.start..<run.end {
                guard let cell = screenCell(canvas[run.row, column], fallBack: fallBackWhenPairsRunOut) else {
                    return false
                }
                buffer.append(cell)
            }
            _ = mvwadd_wchnstr(window, Int32(run.row), Int32(run.start), buffer, Int32(buffer.count))
        }
        return true
    }

    /// The ncurses cell for a canvas cell, or nil when it needs a colour pair and none is left.
    private func screenCell(_ cell: Cell, fallBack: Bool) -> cchar_t? {
        let style = resolver.resolve(cell.style)
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
        var scalar = DisplayCharacter.resolve(cell.character, unicode: capabilities.unicode)
        if capabilities.unicode && cnn_wcwidth(wchar_t(scalar.value)) != 1 { scalar = "?" }
        var result = cchar_t()
        var text: [wchar_t] = [wchar_t(scalar.value), 0]
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
                    return .timeout
                }
            }
            firstRead = false
            wtimeout(window, wait)
            var code: wint_t = 0
            errno = 0
            let status = wget_wch(window, &code)
            if status == ERR {
                if let signal = SignalHandling.takePendingSignal() { return .terminate(signal: signal) }
                if deadline == nil && errno != EINTR {
                    // Input closed (terminal gone): stop as on hang-up rather than spin.
                    failures += 1
                    if failures >= 3 { return .terminate(signal: SIGHUP) }
                }
                continue
            }
            failures = 0
            var decoded = KeyDecoder.decode(status: status, code: code)
            if decoded == .key(.escape) { decoded = EscapeSequenceDecoder.decode(readEscapeTail()) }
            switch decoded {
            case .key(let key):
                return .key(key)
            case .resize:
                previous = nil
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

    /// Reads, without waiting, what is already queued after an Esc: ncurses hands over an
    /// escape sequence it does not know as Esc followed by its characters. A key code that
    /// turns up is pushed back for the next call.
    private func readEscapeTail() -> [UInt32] {
        var tail: [UInt32] = []
        wtimeout(window, 0)
        while tail.count < EscapeSequenceDecoder.maximumLength && !EscapeSequenceDecoder.isComplete(tail) {
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                ungetch(Int32(truncatingIfNeeded: code))
                break
            }
            tail.append(code)
        }
        return tail
    }
}
