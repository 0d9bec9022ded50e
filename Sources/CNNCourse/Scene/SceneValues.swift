import CNNCore
import CNNSandbox

/// Reads a scene's explicit `values:` (the input) and `weights:` (the kernel) into the
/// configuration: nested lists (rows; a list of channels for the channels view; a flat list for
/// the 1-D view) or a string in the `--values` text syntax (`"0 1 2; 3 4 5"`). The checks against
/// the view and the sizes given are the sandbox's (`ExplicitValues`), shared with `explore`.
enum SceneValues {
    /// Reads `setup.values`.
    static func readInput(
        _ node: SceneNode, view: any SandboxModel.Type, into configuration: inout ExploreConfiguration,
        reader: inout SceneReader
    ) {
        guard let grid = grid(node, what: "numbers: rows of numbers, e.g. [[0, 1], [2, 3]]", reader: &reader),
            within(
                grid, [SceneValueLimits.signal, SceneValueLimits.inputGrid, SceneValueLimits.inputChannels], node,
                reader: &reader)
        else {
            return
        }
        do throws(SettingError) {
            try ExplicitValues.applyInput(grid, view: view, to: &configuration)
        } catch {
            reader.report(node, "\(node.path): \(error.message)")
        }
    }

    /// Reads `setup.weights`.
    static func readWeights(
        _ node: SceneNode, view: any SandboxModel.Type, into configuration: inout ExploreConfiguration,
        reader: inout SceneReader
    ) {
        guard let grid = grid(node, what: "numbers: rows of numbers, e.g. [[1, 0], [0, -1]]", reader: &reader),
            within(
                grid,
                [
                    SceneValueLimits.kernelSignal, SceneValueLimits.kernelGrid,
                    Array(SceneValueLimits.kernelChannels.dropFirst()), SceneValueLimits.kernelChannels,
                ], node, reader: &reader)
        else {
            return
        }
        do throws(SettingError) {
            try ExplicitValues.applyWeights(grid, view: view, to: &configuration)
        } catch {
            reader.report(node, "\(node.path): \(error.message)")
        }
    }

    /// Whether a grid fits the setting table's ranges for its depth (`axesByDepth[depth - 1]`);
    /// the first excess is reported at `node`.
    private static func within(
        _ grid: NumberGrid, _ axesByDepth: [[SceneValueLimits.Axis]], _ node: SceneNode, reader: inout SceneReader
    ) -> Bool {
        guard grid.shape.count >= 1, grid.shape.count <= axesByDepth.count else { return true }
        return SceneValueLimits.check(
            node, shape: grid.shape, values: grid.values, axes: axesByDepth[grid.shape.count - 1], reader: &reader)
    }

    /// The numbers of a node: a string in the text syntax, or rectangular nested lists.
    private static func grid(_ node: SceneNode, what: String, reader: inout SceneReader) -> NumberGrid? {
        if let text = node.scalarText, Double(text) == nil {
            switch ValueText.parse(text) {
            case .success(let grid): return grid
            case .failure(let error):
                reader.report(node, "\(node.path): \(error.message)")
                return nil
            }
        }
        let depth = SceneReader.nesting(node.node)
        guard (1...4).contains(depth),
            case (let values, let shape)? = reader.numberArray(node, depth: depth, what: what)
        else {
            if !(1...4).contains(depth) { reader.expected(what, node) }
            return nil
        }
        return NumberGrid(values: values, shape: shape)
    }
}
