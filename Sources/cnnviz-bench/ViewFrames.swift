import CNNCore
import CNNRender
import CNNSandbox
import Dispatch

/// The worst accepted settings of each view: the largest sizes of the setting table that the
/// view and the core accept (a refused one is timed too: a refusal must come before the work).
let worstSettings: [(view: String, flags: [(SettingName, String)])] = [
    ("conv", [(.input, "4096"), (.kernel, "3")]),
    ("conv", [(.input, "4096"), (.kernel, "11")]),
    ("conv", [(.input, "4096"), (.kernel, "15"), (.dilation, "99"), (.padding, "99")]),
    ("pool", [(.input, "4096"), (.kernel, "15"), (.stride, "1")]),
    ("pool", [(.input, "4096"), (.kernel, "11"), (.stride, "1")]),
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
    ("backprop", [(.input, "4096"), (.kernel, "3")]),
    ("backprop", [(.input, "1024"), (.kernel, "15")]),
    ("backprop", [(.input, "128"), (.kernel, "15")]),
    ("backprop", [(.input, "128"), (.kernel, "3")]),
    ("1d", [(.input, "4096"), (.kernel, "15"), (.dilation, "99")]),
    ("1d", [(.input, "4096"), (.layers, "conv15d99,conv15d99,conv15d99")]),
]

/// Milliseconds since `start`.
func milliseconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

/// Times building each view at its worst settings and drawing its first, middle and last steps
/// at 200×60; prints each setting's slowest frame and each view's slowest of all.
func benchmarkViewFrames() {
    print("view frames at their worst settings (building the view, then steps first/middle/last, 200×60):")
    var slowest: [String: (Double, String)] = [:]
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
        let start = DispatchTime.now().uptimeNanoseconds
        var model: any SandboxModel
        do throws(CNNError) {
            model = try type.init(configuration: configuration, playing: false, speed: 2)
        } catch {
            let time = milliseconds(since: start)
            print("  \(view) \(text): refused in \(format(time)) ms: \(error.message.prefix(110))")
            if time > (slowest[view]?.0 ?? -1) { slowest[view] = (time, text + " (refused)") }
            continue
        }
        var worst = milliseconds(since: start)
        let steps = model.player.stepCount
        for step in [0, steps / 2, steps - 1] {
            model.player.go(to: step)
            let frameStart = DispatchTime.now().uptimeNanoseconds
            let frame = model.render(width: 200, height: 60, options: RenderOptions())
            precondition(frame.canvas.width == 200)
            worst = max(worst, milliseconds(since: frameStart))
        }
        print("  \(view) \(text): slowest \(format(worst)) ms (\(steps) steps)")
        if worst > (slowest[view]?.0 ?? -1) { slowest[view] = (worst, text) }
    }
    print("slowest frame of each view (target ≤ 100 ms):")
    for view in SandboxViews.names {
        guard let (time, text) = slowest[view] else { continue }
        print("  \(view): \(format(time)) ms at \(text)\(time > 100 ? "  MISSES" : "")")
    }
}
