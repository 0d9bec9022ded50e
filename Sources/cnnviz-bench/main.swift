import CNNCore
import CNNRender
import CNNSandbox
import Dispatch
import Foundation

/// `swift run -c release cnnviz-bench [RUNS] [--views-only]`: times the core's convolution on the issues' reference
/// workloads and prints the best and median wall time and the median CPU time of several runs.
struct Workload {
    let name: String
    let inputShape: [Int]
    let weightShape: [Int]
    let padding: Int
    /// The target in milliseconds, and whether it is on wall time or on CPU time (all threads).
    let target: Double
    let targetIsCPU: Bool
}

let workloads = [
    Workload(
        name: "conv2d 1×1×1024×1024, 3×3 kernel", inputShape: [1, 1, 1024, 1024], weightShape: [1, 1, 3, 3], padding: 0,
        target: 20, targetIsCPU: false),
    Workload(
        name: "conv2d 1×16×128×128 → 16, 3×3, pad 1", inputShape: [1, 16, 128, 128], weightShape: [16, 16, 3, 3],
        padding: 1, target: 3, targetIsCPU: true),
    Workload(
        name: "conv2d 1×3×1024×1024 → 16, 3×3, pad 1", inputShape: [1, 3, 1024, 1024], weightShape: [16, 3, 3, 3],
        padding: 1, target: 150, targetIsCPU: false),
]

/// Deterministic pseudo-random values in −1…1 (no Foundation randomness: repeatable runs).
func values(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(Int64(bitPattern: state >> 11) % 2001) / 1000
    }
}

// `--views-only`: only the views at their worst settings; exits 1 when one misses 100 ms in a release build.
if CommandLine.arguments.contains("--views-only") {
    let met = benchmarkViewFrames()
    exit(met || !isReleaseBuild ? 0 : 1)
}
// `cnnviz-bench terminal [STEPS [CPU-SECONDS]]`: only the pseudo-terminal measurements.
if CommandLine.arguments.dropFirst().first == "terminal" {
    let numbers = CommandLine.arguments.dropFirst(2).compactMap(Double.init)
    TerminalBench.runNextToThisProgram(steps: Int(numbers.first ?? 1000), cpuSeconds: numbers.dropFirst().first ?? 10)
    exit(0)
}

let repetitions = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 30
print(
    "cnnviz-bench: \(repetitions) runs each on \(ProcessInfo.processInfo.activeProcessorCount) cores; wall time (best, median) and CPU time"
)
var missed = false
for workload in workloads {
    let input = try Tensor(shape: workload.inputShape, data: values(workload.inputShape.reduce(1, *), seed: 1))
    let weight = try Tensor(shape: workload.weightShape, data: values(workload.weightShape.reduce(1, *), seed: 2))
    let parameters = ConvParameters(
        stride: [1, 1], padding: .explicit([workload.padding, workload.padding]), dilation: [1, 1])
    let layer = try ConvLayer(
        inputShape: input.shape, weightShape: weight.shape, hasBias: false, parameters: parameters)
    _ = try layer.forward(input: input, weight: weight, bias: nil)  // warm up
    var times: [Double] = []
    var cpuTimes: [Double] = []
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = processCPUTime()
        let output = try layer.forward(input: input, weight: weight, bias: nil)
        let cpuEnd = processCPUTime()
        let end = DispatchTime.now().uptimeNanoseconds
        precondition(output.count > 0)
        times.append(Double(end - start) / 1e6)
        cpuTimes.append((cpuEnd - cpuStart) * 1e3)
    }
    times.sort()
    cpuTimes.sort()
    let best = times[0]
    let median = times[times.count / 2]
    let cpuMedian = cpuTimes[cpuTimes.count / 2]
    let measured = workload.targetIsCPU ? cpuMedian : median
    let verdict = measured <= workload.target ? "meets" : "MISSES"
    if measured > workload.target { missed = true }
    let kind = workload.targetIsCPU ? "CPU" : "wall"
    print(
        "\(workload.name): wall best \(format(best)) ms, median \(format(median)) ms; CPU time (all threads) median \(format(cpuMedian)) ms (target \(kind) ≤ \(format(workload.target)) ms: \(verdict))"
    )
}

/// CPU seconds used by this process so far, all threads together.
func processCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func format(_ value: Double) -> String {
    String(format: "%.2f", value)
}

// Frames: drawing one 120×40 frame of the sandbox must cost the same for a small and a huge
// input, because only the visible cells are visited.
for side in [16, 4096] {
    var model = ConvModel(
        setup: ConvSetup(inputRows: side, inputColumns: side, padding: .explicit([1, 1])), playing: false)
    model.player.go(to: model.player.stepCount / 2)
    var times: [Double] = []
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        let frame = ConvView.render(model, width: 120, height: 40, options: RenderOptions())
        let end = DispatchTime.now().uptimeNanoseconds
        precondition(frame.canvas.width == 120)
        times.append(Double(end - start) / 1e6)
    }
    times.sort()
    print("explore frame 120×40, input \(side)×\(side): median \(format(times[times.count / 2])) ms")
}

let viewsMet = benchmarkViewFrames()
// What a user feels: the program in a pseudo-terminal (needs a release build of cnnviz next to this one).
TerminalBench.runNextToThisProgram(steps: 1000, cpuSeconds: 10)
if !viewsMet && isReleaseBuild {
    print("cnnviz-bench: a view missed \(Int(frameTarget)) ms at its worst settings")
    exit(1)
}
