/// Puts explicit input values and kernel weights into a configuration, checked against the
/// view's layout and the sizes already given (`input`, `kernel`, `in-channels`, `out-channels`,
/// `groups`). `--values`/`--weights`, a scene's `values:`/`weights:` and `--image` all come
/// here, so each gets the same message; the message names the values' shape and the setting
/// they contradict.
public enum ExplicitValues {
    /// Reads `grid` as the input of `view`.
    public static func applyInput(
        _ grid: NumberGrid, view: any SandboxModel.Type, to configuration: inout ExploreConfiguration
    ) throws(SettingError) {
        var conv = configuration.conv
        let shape = grid.shape
        switch view.valueLayout {
        case .none:
            throw SettingError("the stack view shows sizes, not values; remove values (use input for the size)")
        case .signal:
            guard shape.count == 1 || (shape.count == 2 && shape[0] == 1) else {
                throw SettingError("expected a list of numbers (the signal), got \(grid.shapeText)")
            }
            let count = grid.values.count
            if configuration.gave("input") && conv.inputRows != count {
                throw SettingError(
                    "\(count) values do not match input \(conv.inputRows); give \(conv.inputRows) numbers or change input"
                )
            }
            (conv.inputRows, conv.inputColumns) = (count, count)
        case .channels where shape.count == 3:
            if configuration.gave("in-channels") && configuration.inputChannels != shape[0] {
                throw SettingError("\(shape[0]) channels do not match in-channels \(configuration.inputChannels)")
            }
            try matchInput(rows: shape[1], columns: shape[2], configuration: configuration)
            configuration.inputChannels = shape[0]
            configuration.given.insert("in-channels")
            (conv.inputRows, conv.inputColumns) = (shape[1], shape[2])
        default:
            let plane = shape.count == 1 ? [1, shape[0]] : shape
            guard plane.count == 2 else {
                let what =
                    view.valueLayout == .channels
                    ? "rows of numbers, or channels of rows" : "rows of numbers like 0 1 2; 3 4 5"
                throw SettingError("expected \(what), got \(grid.shapeText)")
            }
            try matchInput(rows: plane[0], columns: plane[1], configuration: configuration)
            (conv.inputRows, conv.inputColumns) = (plane[0], plane[1])
        }
        conv.inputValues = grid.values
        configuration.conv = conv
        configuration.given.formUnion(["input", "fill"])
    }

    /// Reads `grid` as the kernel weights of `view`.
    public static func applyWeights(
        _ grid: NumberGrid, view: any SandboxModel.Type, to configuration: inout ExploreConfiguration
    ) throws(SettingError) {
        var conv = configuration.conv
        let shape = grid.shape
        switch view.valueLayout {
        case .none, .gridWithoutWeights:
            throw SettingError("the \(view.kind.name) view has no kernel weights; remove weights")
        case .signal:
            guard shape.count == 1 || (shape.count == 2 && shape[0] == 1) else {
                throw SettingError("expected a list of numbers (the kernel), got \(grid.shapeText)")
            }
            let count = grid.values.count
            if configuration.gave("kernel") && conv.kernelColumns != count {
                throw SettingError(
                    "\(count) weights do not match kernel \(conv.kernelColumns); give \(conv.kernelColumns) numbers or change kernel"
                )
            }
            (conv.kernelRows, conv.kernelColumns) = (count, count)
        case .channels where shape.count == 4 || shape.count == 3:
            let kernels = shape.count == 4 ? shape : [1] + shape
            if configuration.gave("out-channels") && configuration.outputChannels != kernels[0] {
                throw SettingError(
                    "\(kernels[0]) kernels do not match out-channels \(configuration.outputChannels)")
            }
            let groups = max(1, configuration.groups)
            let slices = configuration.inputChannels / groups
            guard kernels[1] == slices else {
                throw SettingError(
                    "each kernel has \(kernels[1]) slices, but in-channels \(configuration.inputChannels) / groups \(groups) needs \(slices)"
                )
            }
            try matchKernel(rows: kernels[2], columns: kernels[3], configuration: configuration)
            configuration.outputChannels = kernels[0]
            configuration.given.insert("out-channels")
            (conv.kernelRows, conv.kernelColumns) = (kernels[2], kernels[3])
        default:
            let plane = shape.count == 1 ? [1, shape[0]] : shape
            guard plane.count == 2 else {
                let what =
                    view.valueLayout == .channels
                    ? "rows of numbers, or kernels of slices of rows" : "rows of numbers like 1 0; 0 -1"
                throw SettingError("expected \(what), got \(grid.shapeText)")
            }
            try matchKernel(rows: plane[0], columns: plane[1], configuration: configuration)
            (conv.kernelRows, conv.kernelColumns) = (plane[0], plane[1])
        }
        conv.kernelValues = grid.values
        configuration.conv = conv
        configuration.given.formUnion(["kernel", "preset"])
    }

    /// Refuses values of `rows × columns` when a given `input` size says otherwise.
    private static func matchInput(rows: Int, columns: Int, configuration: ExploreConfiguration) throws(SettingError) {
        let conv = configuration.conv
        guard configuration.gave("input"), (rows, columns) != (conv.inputRows, conv.inputColumns) else { return }
        throw SettingError(
            "\(rows) rows of \(columns) numbers do not match input \(conv.inputRows)x\(conv.inputColumns); give \(conv.inputRows) rows of \(conv.inputColumns) numbers or change input"
        )
    }

    /// Refuses weights of `rows × columns` when a given `kernel` size says otherwise.
    private static func matchKernel(rows: Int, columns: Int, configuration: ExploreConfiguration) throws(SettingError) {
        let conv = configuration.conv
        guard configuration.gave("kernel"), (rows, columns) != (conv.kernelRows, conv.kernelColumns) else { return }
        throw SettingError(
            "\(rows) rows of \(columns) numbers do not match kernel \(conv.kernelRows)x\(conv.kernelColumns); give \(conv.kernelRows) rows of \(conv.kernelColumns) numbers or change kernel"
        )
    }
}
