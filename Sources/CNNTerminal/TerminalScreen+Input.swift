import CNCurses
import CNNRender

#if canImport(Glibc)
    import Glibc
#endif

/// Reading input: keys (UTF-8 decoded, invalid bytes dropped), escape sequences, mouse, resize
/// and termination signals.
extension TerminalScreen {
    /// Waits for the next event. `nil` waits without a deadline (no CPU while idle);
    /// otherwise `.timeout` comes after `timeoutMilliseconds` (0: only a look at input already
    /// waiting). A pending SIGINT, SIGTERM or SIGHUP is reported as `.terminate` before
    /// anything else.
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
                    // A zero timeout is a look at waiting input, not a clock event: the next
                    // frame's key → frame time keeps counting from the event that caused it.
                    if timeoutMilliseconds ?? 1 > 0 { lastEventAt = InteractiveClock.now }
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
