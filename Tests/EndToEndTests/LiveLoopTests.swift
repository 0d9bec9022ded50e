import CNNCore
import CNNRender
import CNNSandbox
import CNNTerminal
import Dispatch
import Foundation
import Synchronization
import Testing

@testable import cnnviz

/// The app loop's logic with a scripted terminal and a screen whose `s` key takes long: keys
/// typed while the worker is busy wait in order, "working…" shows, q and Ctrl-C end the program
/// within 100 ms, Esc cancels and restores, and a resize while busy redraws at once and again.
@Suite("the live loop never blocks on work", .timeLimit(.minutes(1)))
@MainActor
struct LiveLoopTests {
    @Test("keys typed while the worker is busy are applied in order, after it")
    func queuedKeysInOrder() {
        let terminal = ScriptedTerminal([(0, "s"), (40, "a"), (60, "b"), (900, "q")])
        var loop = LiveLoop(screen: SlowScreen(), options: RenderOptions(), terminal: terminal)
        #expect(loop.run() == 0)
        #expect(loop.screen.applied == "sab")
        #expect(terminal.draws.last?.text.contains("applied: sab") == true)
        // s went to the worker at once; a and b waited for it and went together (one frame).
        #expect(terminal.draws.contains { $0.firstRow == "applied: s" })
        #expect(!terminal.draws.contains { $0.firstRow == "applied: sa" })
    }

    @Test("long work shows working… on the status line after about 150 ms")
    func workingNotice() throws {
        let terminal = ScriptedTerminal([(0, "s"), (900, "q")])
        var loop = LiveLoop(screen: SlowScreen(), options: RenderOptions(), terminal: terminal)
        #expect(loop.run() == 0)
        let notice = try #require(terminal.draws.first { $0.lastRow.contains("working…") })
        #expect(notice.milliseconds >= AppLoop.workingNoticeMilliseconds)
        #expect(notice.milliseconds < 400)
        #expect(notice.text.contains("applied: -"), "the notice is drawn on the frame before the work")
    }

    @Test("q while work runs quits within 100 ms")
    func quitDuringWork() {
        let terminal = ScriptedTerminal([(0, "s"), (200, "q")])
        var screen = SlowScreen()
        screen.slowMilliseconds = 5_000
        var loop = LiveLoop(screen: screen, options: RenderOptions(), terminal: terminal)
        #expect(loop.run() == 0)
        let took = terminal.elapsedMilliseconds - 200
        #expect(took < 100, "q took \(took) ms")
    }

    @Test("a slow first frame: working… on a blank screen, and q quits before it is done")
    func slowFirstFrame() throws {
        let terminal = ScriptedTerminal([(300, "q")])
        var screen = SlowScreen()
        screen.frameMilliseconds = 5_000
        var loop = LiveLoop(screen: screen, options: RenderOptions(), terminal: terminal)
        #expect(loop.run() == 0)
        #expect(terminal.elapsedMilliseconds - 300 < 100, "q took \(terminal.elapsedMilliseconds - 300) ms")
        let first = try #require(terminal.draws.first)
        #expect(first.lastRow.contains("working…") && first.firstRow.isEmpty)
        #expect(!terminal.draws.contains { $0.text.contains("applied") }, "the slow frame never finished")
    }

    @Test("a burst of keys during work is read at once: q at its end still quits within 100 ms")
    func burstDuringWork() {
        let burst = Array(repeating: (200, Character("x")), count: 30) + [(200, Character("q"))]
        let terminal = ScriptedTerminal([(0, "s")] + burst)
        var screen = SlowScreen()
        screen.slowMilliseconds = 5_000
        var loop = LiveLoop(screen: screen, options: RenderOptions(), terminal: terminal)
        #expect(loop.run() == 0)
        let took = terminal.elapsedMilliseconds - 200
        #expect(took < 100, "q took \(took) ms")
    }

    @Test("Ctrl-C (SIGINT) while work runs ends with status 130 within 100 ms")
    func interruptDuringWork() {
        let terminal = ScriptedTerminal([(0, .key(.character("s"))), (200, .terminate(signal: 2))])
        var screen = SlowScreen()
        screen.slowMilliseconds = 5_000
        var loop = LiveLoop(screen: screen, options: RenderOptions(), terminal: terminal)
        #expect(loop.run() == 130)
        let took = terminal.elapsedMilliseconds - 200
        #expect(took < 100, "Ctrl-C took \(took) ms")
    }

    @Test("Esc while work runs cancels it: the state before, the frame before, \"cancelled\"; later keys work")
    func escapeCancels() throws {
        let terminal = ScriptedTerminal([
            (0, .key(.character("a"))), (100, .key(.character("s"))), (300, .key(.escape)),
            (500, .key(.character("b"))), (700, .key(.character("q"))),
        ])
        var screen = SlowScreen()
        screen.slowMilliseconds = 5_000
        var loop = LiveLoop(screen: screen, options: RenderOptions(), terminal: terminal)
        #expect(loop.run() == 0)
        #expect(loop.screen.applied == "ab", "the slow s was undone and Esc did not reach the screen")
        let cancelled = try #require(terminal.draws.first { $0.lastRow.contains("cancelled") })
        #expect(cancelled.text.contains("applied: a"))
        #expect(cancelled.milliseconds - 300 < 100, "Esc took \(cancelled.milliseconds - 300) ms")
        #expect(terminal.draws.last?.text.contains("applied: ab") == true)
        #expect(screen.stoppedEarly.isSet, "the slow work saw the cancellation")
    }

    @Test("a resize while busy redraws the last frame at once, and the new state at the new size when done")
    func resizeWhileBusy() throws {
        let terminal = ScriptedTerminal([
            (0, .key(.character("s"))), (100, .resize(width: 100, height: 30)), (1_000, .key(.character("q"))),
        ])
        var loop = LiveLoop(screen: SlowScreen(), options: RenderOptions(), terminal: terminal)
        #expect(loop.run() == 0)
        let atResize = try #require(terminal.draws.first { $0.milliseconds >= 100 })
        #expect(atResize.milliseconds < 150, "redrawn \(atResize.milliseconds - 100) ms after the resize")
        #expect(atResize.text.contains("applied: -"))
        let last = try #require(terminal.draws.last)
        #expect(last.width == 100 && last.text.contains("applied: s"))
    }
}

/// A screen whose `s` takes `slowMilliseconds` (stopping early when its work is cancelled, as the
/// core does); other letters are recorded at once, q quits.
struct SlowScreen: LiveScreen {
    var applied = ""
    var slowMilliseconds = 600
    /// How long drawing a frame takes (cancelled work stops early).
    var frameMilliseconds = 0
    var finished = false
    /// Set when a slow key saw its cancellation (shared by every copy).
    let stoppedEarly = SharedFlag()

    func frame(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        _ = SlowScreen.work(milliseconds: frameMilliseconds)
        var canvas = Canvas(width: width, height: height)
        canvas.put("applied: \(applied.isEmpty ? "-" : applied)", row: 0, column: 0)
        canvas.put("status line", row: height - 1, column: 0)
        return RenderedFrame(canvas: canvas)
    }

    var timerSeconds: Double? { nil }

    mutating func timerFired() {}

    mutating func press(_ key: KeyPress) -> Bool {
        guard case .character(let character) = key else {
            applied.append("!")
            return false
        }
        if character == "q" {
            finished = true
        } else if character == "s" {
            guard SlowScreen.work(milliseconds: slowMilliseconds) else {
                stoppedEarly.set()
                return false
            }
            applied.append("s")
        } else {
            applied.append(character)
        }
        return false
    }

    mutating func click(_ target: HitTarget) {}

    /// Works for `milliseconds`, looking at the bound cancellation flag every millisecond as the
    /// core does; false when it was cancelled.
    static func work(milliseconds: Int) -> Bool {
        let end = DispatchTime.now().uptimeNanoseconds + UInt64(milliseconds) * 1_000_000
        while DispatchTime.now().uptimeNanoseconds < end {
            do throws(CNNError) {
                try CancellationFlag.checkCurrent()
            } catch {
                return false
            }
            usleep(1000)
        }
        return true
    }
}

/// A boolean every copy of a value shares.
final class SharedFlag: Sendable {
    private let value = Atomic<Bool>(false)

    func set() { value.store(true, ordering: .releasing) }

    var isSet: Bool { value.load(ordering: .acquiring) }
}

/// A terminal that plays a script of events at given milliseconds after it was made and records
/// every draw with its time. It ends the run (as a hang-up would) when the script is over and the
/// loop waits without a deadline, or after 10 s, so a broken loop cannot hang the tests.
@MainActor
final class ScriptedTerminal: LiveTerminal {
    /// One draw: when, how wide, its text and its last row.
    struct Draw {
        var milliseconds: Int
        var width: Int
        var text: String
        var lastRow: String
        /// The first row.
        var firstRow: String { String(text.prefix { $0 != "\n" }) }
    }

    private(set) var size: (width: Int, height: Int) = (80, 24)
    private var script: [(milliseconds: Int, event: InputEvent)]
    private let start = DispatchTime.now().uptimeNanoseconds
    private(set) var draws: [Draw] = []

    init(_ script: [(Int, InputEvent)]) {
        self.script = script.map { (milliseconds: $0.0, event: $0.1) }
    }

    convenience init(_ keys: [(Int, Character)]) {
        self.init(keys.map { ($0.0, InputEvent.key(.character($0.1))) })
    }

    var elapsedMilliseconds: Int { Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000) }

    func draw(_ canvas: Canvas) {
        let lines = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        draws.append(
            Draw(
                milliseconds: elapsedMilliseconds, width: canvas.width, text: lines.joined(separator: "\n"),
                lastRow: lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""))
    }

    func forceFullRedraw() {}

    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent {
        let deadline = timeoutMilliseconds.map { elapsedMilliseconds + $0 }
        while true {
            let now = elapsedMilliseconds
            if now > 10_000 { return .terminate(signal: 1) }
            if let next = script.first, now >= next.milliseconds {
                script.removeFirst()
                if case .resize(let width, let height) = next.event { size = (width, height) }
                return next.event
            }
            if let deadline, now >= deadline { return .timeout }
            if script.isEmpty && deadline == nil { return .terminate(signal: 1) }
            usleep(1000)
        }
    }
}
