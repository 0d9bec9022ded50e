import CNNCore
import CNNRender
import CNNSandbox
import Dispatch
import Synchronization

/// One input for a live screen, in the order the user gave it.
enum LiveEvent: Hashable, Sendable {
    /// A key press.
    case key(KeyPress)
    /// A click on a drawn target.
    case click(HitTarget)
    /// The screen's clock event.
    case timer
}

/// What the worker hands back: the screen after the events and its frame (none when the user
/// quit), and whether the terminal must be repainted from scratch (Ctrl-L).
struct LiveOutcome<Screen: LiveScreen>: Sendable {
    var screen: Screen
    var frame: RenderedFrame?
    var repaint: Bool
    /// The size the frame was drawn for.
    var size: LiveSize
}

/// A terminal size that can cross threads.
struct LiveSize: Hashable, Sendable {
    var width: Int
    var height: Int
}

/// One piece of work off the input path: apply `events` to a copy of the screen in order, then
/// draw it at `size`, on the worker's queue, under a `CancellationFlag` the core's long loops
/// look at. The input thread polls `outcome`; it never waits for the work.
final class LiveTask<Screen: LiveScreen>: Sendable {
    /// The flag `cancel()` raises.
    let flag = CancellationFlag()
    /// The screen before the events (what Esc goes back to).
    let base: Screen
    /// When the work was handed over (monotonic nanoseconds).
    let startedAt: UInt64
    private let result = Mutex<LiveOutcome<Screen>?>(nil)
    private let done = Atomic<Bool>(false)
    /// Signalled once when the work ends, and again by every wait that took it.
    private let ended = DispatchSemaphore(value: 0)

    /// Starts the work at once on the worker queue.
    init(
        screen: Screen, events: [LiveEvent], size: LiveSize, options: RenderOptions,
        startedAt: UInt64 = InteractiveLoop.now
    ) {
        base = screen
        self.startedAt = startedAt
        liveWorkQueue.async { [self] in
            let outcome = CancellationFlag.$current.withValue(flag) {
                LiveTask.perform(screen, events: events, size: size, options: options, flag: flag)
            }
            result.withLock { $0 = outcome }
            done.store(true, ordering: .releasing)
            ended.signal()
        }
    }

    /// The outcome once the work is done and was not cancelled; nil before.
    var outcome: LiveOutcome<Screen>? {
        guard done.load(ordering: .acquiring), !flag.isCancelled else { return nil }
        return result.withLock { $0 }
    }

    /// Whether the work has ended (finished or stopped by a cancellation).
    var isDone: Bool { done.load(ordering: .acquiring) }

    /// Asks the work to stop; its outcome is never used.
    func cancel() { flag.cancel() }

    /// Milliseconds since the work was handed over.
    func age(now: UInt64 = InteractiveLoop.now) -> Int {
        now > startedAt ? Int((now - startedAt) / 1_000_000) : 0
    }

    /// Waits up to `milliseconds` for the work to end, returning as soon as it does.
    func waitUntilDone(milliseconds: Int) {
        guard !isDone else { return }
        if ended.wait(timeout: .now() + .milliseconds(max(0, milliseconds))) == .success {
            ended.signal()  // later waits return at once too
        }
    }

    /// The work itself: pure, on the worker thread. Stops between events once cancelled.
    static func perform(
        _ start: Screen, events: [LiveEvent], size: LiveSize, options: RenderOptions, flag: CancellationFlag
    ) -> LiveOutcome<Screen> {
        var screen = start
        var repaint = false
        for event in events {
            if flag.isCancelled || screen.finished { break }
            switch event {
            case .key(let key): repaint = screen.press(key) || repaint
            case .click(let target): screen.click(target)
            case .timer: screen.timerFired()
            }
        }
        guard !screen.finished, !flag.isCancelled else {
            return LiveOutcome(screen: screen, frame: nil, repaint: repaint, size: size)
        }
        let frame =
            InteractiveLoop.tooSmallFrame(size: (size.width, size.height), options: options)
            ?? screen.frame(width: size.width, height: size.height, options: options)
        return LiveOutcome(screen: screen, frame: frame, repaint: repaint, size: size)
    }
}

/// The worker thread's queue. The worker never touches the terminal; a termination signal that
/// lands on its thread is handed to the input thread (see CNNTerminal's SignalHandling).
private let liveWorkQueue = DispatchQueue(label: "cnnviz.live-work", qos: .userInitiated)
