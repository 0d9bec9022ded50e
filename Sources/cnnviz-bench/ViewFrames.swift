import CNNCore
import CNNRender
import CNNSandbox
import Dispatch
import Foundation

/// The worst accepted settings of each view: the largest sizes of the setting table that the
/// view and the core accept (a refused one is timed too: a refusal must come before the work).
let worstSettings: [(view: String, flags: [(SettingName, String)])] = [
    ("conv", [(.input, "4096"), (.kernel, "3")]),
    ("conv", [(.input, "4096"), (.kernel, "15")]),
    ("conv", [(.input, "4096"), (.kernel, "15"), (.dilation, "99"), (.padding, "99")]),
    ("conv", [(.input, "4096"), (.kernel, "15"), (.padding, "99"), (.fill, "ramp"), (.bias, "0.5")]),
    ("pool", [(.input, "4096"), (.kernel, "15"), (.stride, "1")]),
    ("pool", [(.input, "4096"), (.kernel, "11"), (.stride, "1")]),
    ("pool", [(.input, "4096"), (.kernel, "15"), (.stride, "1"), (.dilation, "99"), (.pool, "max")]),
    ("pool", [(.input, "4096"), (.kernel, "15"), (.stride, "1"), (.padding, "7"), (.pool, "avg")]),
    ("stack", [(.input, "4096"), (.layers, "conv15d99,conv15d99,conv15d99,conv15d99")]),
    ("stack", [(.input, "4096")]),
    ("channels", [(.input, "4096"), (.inChannels, "16"), (.outChannels, "16"), (.kernel, "3")]),
    ("channels", [(.input, "1024"), (.inChannels, "16"), (.outChannels, "16"), (.kernel, "15")]),
    ("channels", [(.input, "512"), (.inChannels, "16"), (.outChannels, "16"), (.kernel, "15")]),
    ("channels", [(.input, "2048"), (.inChannels, "1"), (.outChannels, "1"), (.kernel, "15")]),
    ("transpose", [(.input, "4096"), (.stride, "99"), (.kernel, "15")]),
    ("transpose", [(.input, "21"), (.stride, "99"), (.kernel, "15")]),
    ("transpose", [(.input, "1024"), (.kernel, "15")]),
    ("transpose", [(.input, "7"), (.stride, "99"), (.kernel, "15")]),
    ("transpose", [(.input, "700"), (.kernel, "15")]),
    ("matrix", [(.input, "4096"), (.kernel, "15")]),
    ("matrix", [(.input, "4096"), (.kernel, "3")]),
    ("matrix", [(.input, "8"), (.kernel, "1")]),
    ("backprop", [(.input, "4096"), (.kernel, "3")]),
    ("backprop", [(.input, "1024"), (.kernel, "15")]),
    ("backprop", [(.input, "128"), (.kernel, "15")]),
    ("backprop", [(.input, "128"), (.kernel, "3")]),
    ("1d", [(.input, "4096"), (.kernel, "15"), (.dilation, "99")]),
    ("1d", [(.input, "4096"), (.layers, "conv15d99,conv15d99,conv15d99")]),
]

/// The terminal sizes each setting's frames are drawn at.
let benchSizes = [(width: 200, height: 60), (width: 80, height: 24)]

/// The edits timed at each setting (each applied to the built model, then undone by building it again).
let benchEdits: [(name: String, action: ExploreAction, makesInput: Bool)] = [
    ("step", .stepForward, false), ("stride +", .stride(1), false), ("stride −", .stride(-1), false),
    ("padding +", .padding(1), false), ("dilation +", .dilation(1), false), ("kernel −", .kernelSize(-1), false),
    ("input −", .inputSize(-1), true), ("new input", .newRandomInput, true), ("view key z", .viewKey("z"), false),
    ("view key m", .viewKey("m"), false),
]

/// The most a build, an edit or a frame may take (milliseconds).
let frameTarget = 100.0

/// Milliseconds since `start`.
func milliseconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

/// CPU seconds used by the calling thread so far (page faults included).
func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// A stopwatch of wall time and of the thread's CPU time.
struct Stopwatch {
    let wall = DispatchTime.now().uptimeNanoseconds
    let cpu = threadCPUTime()

    /// Milliseconds of wall time and of CPU time since the stopwatch was made.
    var elapsed: (wall: Double, cpu: Double) { (milliseconds(since: wall), (threadCPUTime() - cpu) * 1000) }
}

/// The slowest thing timed at one setting (by CPU time), and what it was.
struct SlowestWork {
    var time = -1.0
    var wall = -1.0
    var what = ""

    /// Keeps the slower of this and the `elapsed` times.
    mutating func keep(_ elapsed: (wall: Double, cpu: Double), _ what: String) {
        if elapsed.cpu > time { (time, wall, self.what) = (elapsed.cpu, elapsed.wall, what) }
    }

    /// "12.34 ms CPU (15.10 ms wall)".
    var text: String { "\(format(time)) ms CPU (\(format(wall)) ms wall)" }
}

/// Times, at each view's worst settings: building the view; every edit of `benchEdits`
/// (applying it, then drawing the edited model's frame at 200×60); and frames at the first,
/// middle and last steps at 200×60 and 80×24. Prints each setting's slowest and each view's
/// slowest of all, by the thread's CPU time (on a shared machine wall time mostly measures the
/// wait for a core; both are printed); returns whether every one met `frameTarget`.
@discardableResult
func benchmarkViewFrames() -> Bool {
    print(
        "views at their worst settings: build, \(benchEdits.count) edits (apply + frame), frames at steps first/middle/last at 200×60 and 80×24 (target ≤ \(Int(frameTarget)) ms each):"
    )
    var slowest: [String: (SlowestWork, String)] = [:]
    // Frames and the edits that keep the input, apart from making the input (build, r, i).
    var slowestKeepingInput: [String: (SlowestWork, String)] = [:]
    for (view, flags) in worstSettings {
        guard let type = SandboxViews.model(named: view) else { continue }
        var configuration = ExploreConfiguration()
        let text = flags.map { "--\($0.0.rawValue) \($0.1)" }.joined(separator: " ")
        do {
            for (name, value) in flags { try Settings.named(name).apply(value, to: &configuration) }
        } catch {
            print("  \(view) \(text): refused by the table: \(error.message)")
            continue
        }
        var work = SlowestWork()
        let start = Stopwatch()
        let built: any SandboxModel
        do throws(CNNError) {
            built = try type.init(configuration: configuration, playing: false, speed: 2)
        } catch {
            work.keep(start.elapsed, "refusal")
            print("  \(view) \(text): refused in \(work.text): \(error.message.prefix(100))")
            if work.time > (slowest[view]?.0.time ?? -1) { slowest[view] = (work, text) }
            continue
        }
        work.keep(start.elapsed, "build")
        var keepingInput = SlowestWork()
        var model = built
        let steps = model.player.stepCount
        for size in benchSizes {
            for step in [0, steps / 2, steps - 1] {
                model.player.go(to: step)
                let frameStart = Stopwatch()
                let frame = model.render(width: size.width, height: size.height, options: RenderOptions())
                precondition(frame.canvas.width == size.width)
                let elapsed = frameStart.elapsed
                work.keep(elapsed, "frame \(size.width)×\(size.height) step \(step + 1)")
                keepingInput.keep(elapsed, "frame \(size.width)×\(size.height) step \(step + 1)")
            }
        }
        for edit in benchEdits {
            var edited = built
            edited.player.go(to: steps / 2)
            let editStart = Stopwatch()
            edited.apply(edit.action)
            let frame = edited.render(width: 200, height: 60, options: RenderOptions())
            precondition(frame.canvas.width == 200)
            let elapsed = editStart.elapsed
            work.keep(elapsed, "edit \(edit.name)")
            if !edit.makesInput { keepingInput.keep(elapsed, "edit \(edit.name)") }
        }
        if keepingInput.time > (slowestKeepingInput[view]?.0.time ?? -1) {
            slowestKeepingInput[view] = (keepingInput, text)
        }
        print("  \(view) \(text): slowest \(work.text) (\(work.what); \(steps) steps)")
        if work.time > (slowest[view]?.0.time ?? -1) { slowest[view] = (work, text) }
    }
    print("slowest of each view (target ≤ \(Int(frameTarget)) ms of CPU time; wall time includes waiting for a core):")
    var met = true
    for view in SandboxViews.names {
        guard let (work, text) = slowest[view] else { continue }
        let misses = work.time > frameTarget
        if misses { met = false }
        print("  \(view): \(work.text) (\(work.what)) at \(text)\(misses ? "  MISSES" : "")")
    }
    print("slowest frame or edit that keeps the input (not building the view, r or i):")
    for view in SandboxViews.names {
        guard let (work, text) = slowestKeepingInput[view] else { continue }
        print("  \(view): \(work.text) (\(work.what)) at \(text)\(work.time > frameTarget ? "  MISSES" : "")")
    }
    return met
}

/// Whether this is an optimised build, where the 100 ms target applies.
#if DEBUG
    let isReleaseBuild = false
#else
    let isReleaseBuild = true
#endif
