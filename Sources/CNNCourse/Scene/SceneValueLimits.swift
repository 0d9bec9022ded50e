import CNNSandbox

/// The setting table's ranges applied to a scene's explicit `values:` and `weights:`, so that a
/// list of numbers cannot give a size `input`, `kernel` or the channel counts would refuse.
enum SceneValueLimits {
    /// What one axis of a list of numbers counts, and the range the setting table gives it.
    struct Axis {
        let name: String
        let range: ClosedRange<Int>
    }

    static let inputGrid = [
        Axis(name: "rows", range: Settings.inputSizes), Axis(name: "columns", range: Settings.inputSizes),
    ]
    static let inputChannels = [Axis(name: "channels", range: Settings.channelCounts)] + inputGrid
    static let signal = [Axis(name: "values", range: Settings.inputSizes)]
    static let kernelGrid = [
        Axis(name: "rows", range: Settings.kernelSizes), Axis(name: "columns", range: Settings.kernelSizes),
    ]
    static let kernelChannels =
        [Axis(name: "kernels", range: Settings.channelCounts), Axis(name: "slices", range: Settings.channelCounts)]
        + kernelGrid
    static let kernelSignal = [Axis(name: "weights", range: Settings.kernelSizes)]

    /// Whether `values` of `shape` fit `axes` and every magnitude is at most
    /// `Settings.largestValue`; the first excess is reported at `node`.
    static func check(
        _ node: SceneNode, shape: [Int], values: [Double], axes: [Axis], reader: inout SceneReader
    ) -> Bool {
        for (size, axis) in zip(shape, axes) where !axis.range.contains(size) {
            reader.report(
                node,
                "\(node.path): \(size) \(axis.name) is outside \(axis.range.lowerBound)…\(axis.range.upperBound), the range the setting table allows; give fewer"
            )
            return false
        }
        if let large = values.first(where: { abs($0) > Settings.largestValue }) {
            reader.report(
                node,
                "\(node.path): \(NumberText.exact(large)) is larger in magnitude than \(NumberText.exact(Settings.largestValue)); give numbers within ±\(NumberText.exact(Settings.largestValue))"
            )
            return false
        }
        return true
    }
}
