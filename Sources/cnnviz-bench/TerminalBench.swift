import CNNPseudoTerminal
import Foundation

/// The benchmark of what a user feels: `cnnviz explore` in a pseudo-terminal, stepped with the
/// `l` and `h` keys like a person would, at three terminal sizes and three input sizes. Reports key →
/// frame latency (p50, p99; from outside: key written → the program's draw report read, and
/// from the program's own clock: key read → frame written), bytes written per step against
/// the changed cells' minimum, time to first frame, and CPU paused and playing.
enum TerminalBench {
    /// Terminal sizes measured.
    static let sizes = [(width: 80, height: 24), (width: 200, height: 60), (width: 300, height: 100)]
    /// Input sides measured.
    static let inputs = [7, 64, 1024]

    /// Runs every measurement with `binary` (a release build of cnnviz); `steps` keys per case.
    static func run(binary: String, steps: Int, cpuSeconds: Double) {
        print(
            "terminal: cnnviz explore in a pseudo-terminal, \(steps) steps (keys l ×20, h ×20, …) per case, release build"
        )
        for size in sizes {
            for input in inputs {
                do {
                    try measureSteps(binary: binary, width: size.width, height: size.height, input: input, steps: steps)
                } catch {
                    print("explore \(size.width)×\(size.height) input \(input)×\(input): FAILED: \(error)")
                }
            }
        }
        do {
            try measureCPU(binary: binary, input: 64, playing: false, seconds: cpuSeconds)
            try measureCPU(binary: binary, input: 64, playing: true, seconds: cpuSeconds)
            try measureCPU(binary: binary, input: 7, playing: true, seconds: cpuSeconds)
        } catch {
            print("CPU: FAILED: \(error)")
        }
    }

    /// Steps one case and prints its line.
    static func measureSteps(binary: String, width: Int, height: Int, input: Int, steps: Int) throws {
        let terminal = try PseudoTerminal(
            binary: binary, arguments: ["explore", "--paused", "--input", String(input)], width: width, height: height)
        let first = try terminal.nextDraw()
        let firstFrame = Double(first.arrivedAt - terminal.startedAt) / 1e6
        var outside: [Double] = []
        var inside: [Double] = []
        var bytes = 0
        var minimum = 0
        var worst = 0.0
        var fullRepaints = 0
        var writes: [Double] = []
        for step in 0..<steps {
            let sent = DispatchTime.now().uptimeNanoseconds
            terminal.type(key(forStep: step))
            let draw = try terminal.nextDraw()
            outside.append(Double(draw.arrivedAt - sent) / 1e6)
            inside.append(Double(draw.frameMicroseconds) / 1e3)
            writes.append(Double(draw.writeMicroseconds) / 1e3)
            if draw.full { fullRepaints += 1 }
            bytes += draw.bytesWritten
            minimum += draw.minimumBytes
            if draw.minimumBytes > 0 { worst = max(worst, Double(draw.bytesWritten) / Double(draw.minimumBytes)) }
        }
        let name = "explore \(width)×\(height) input \(input)×\(input)"
        print(
            "\(name): key → frame p50 \(milliseconds(percentile(outside, 0.5))), "
                + "p99 \(milliseconds(percentile(outside, 0.99))) (in the loop: p50 "
                + "\(milliseconds(percentile(inside, 0.5))), p99 \(milliseconds(percentile(inside, 0.99))), of which "
                + "terminal write p50 \(milliseconds(percentile(writes, 0.5)))); "
                + "bytes/step \(bytes / steps), minimum \(minimum / steps), ratio "
                + "\(ratio(bytes, minimum)) (worst step \(String(format: "%.2f", worst))×); "
                + "full repaints \(fullRepaints); first frame \(milliseconds(firstFrame)) (\(first.bytesWritten) bytes)"
        )
    }

    /// Measures CPU over `seconds` while paused or playing at 10 steps per second (a 7×7 input
    /// stops at its 25th step, so its figure covers fewer draws).
    static func measureCPU(binary: String, input: Int, playing: Bool, seconds: Double) throws {
        let arguments = ["explore", "--input", String(input)] + (playing ? ["--speed", "10"] : ["--paused"])
        let terminal = try PseudoTerminal(binary: binary, arguments: arguments, width: 200, height: 60)
        _ = try terminal.nextDraw()
        _ = terminal.pump(forSeconds: 0.5)
        let before = terminal.cpuSeconds()
        let draws = terminal.pump(forSeconds: seconds)
        let used = terminal.cpuSeconds() - before
        let share = used / seconds * 100
        print(
            "CPU \(playing ? "playing at 10 steps/s" : "paused"), 200×60, input \(input)×\(input), over "
                + "\(String(format: "%.0f", seconds)) s: \(String(format: "%.2f", used)) s "
                + "(\(String(format: "%.2f", share)) % of a core; \(draws.count) draws)")
    }

    /// The key for a step: 20 steps forward (`l`), 20 back (`h`), and again, so the kernel
    /// keeps moving even on a 7×7 input (25 positions).
    static func key(forStep step: Int) -> String {
        (step / 20) % 2 == 0 ? "l" : "h"
    }

    /// The `fraction` percentile (nearest rank) of `values`.
    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[max(0, min(sorted.count - 1, rank))]
    }

    /// "1.23 ms".
    static func milliseconds(_ value: Double) -> String {
        String(format: "%.2f ms", value)
    }

    /// "1.05×", or "-" when the minimum is zero.
    static func ratio(_ bytes: Int, _ minimum: Int) -> String {
        minimum > 0 ? String(format: "%.2f×", Double(bytes) / Double(minimum)) : "-"
    }
}

extension TerminalBench {
    /// Runs `run` with the `cnnviz` built next to this benchmark (CNNVIZ_BINARY overrides it),
    /// or says why it cannot.
    static func runNextToThisProgram(steps: Int, cpuSeconds: Double) {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let binary =
            ProcessInfo.processInfo.environment["CNNVIZ_BINARY"] ?? here.appendingPathComponent("cnnviz").path
        guard access(binary, X_OK) == 0 else {
            print("terminal: skipped, no cnnviz at \(binary) (swift build -c release builds it)")
            return
        }
        run(binary: binary, steps: steps, cpuSeconds: cpuSeconds)
    }
}
