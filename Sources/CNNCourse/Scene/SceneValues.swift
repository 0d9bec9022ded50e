import CNNCore
import CNNSandbox

/// Reads a scene's explicit `values:` (the input) and `weights:` (the kernel) into the
/// configuration. Rows for one channel; a list of channels for the channels view; a flat list
/// for the 1-D view. Sizes not given are taken from the values; sizes given must agree.
enum SceneValues {
    /// Reads `setup.values`.
    static func readInput(
        _ node: SceneNode, view: any SandboxModel.Type, into configuration: inout ExploreConfiguration,
        reader: inout SceneReader
    ) {
        var conv = configuration.conv
        switch view.valueLayout {
        case .none:
            reader.report(
                node, "\(node.path): the stack view shows sizes, not values; remove values (use input for the size)")
            return
        case .signal:
            guard let signal = oneDimensional(node, what: "a list of numbers (the signal)", reader: &reader),
                SceneValueLimits.check(
                    node, shape: [signal.count], values: signal, axes: SceneValueLimits.signal, reader: &reader)
            else {
                return
            }
            if configuration.gave("input") && conv.inputRows != signal.count {
                reader.report(
                    node,
                    "\(node.path): \(signal.count) values do not match input \(conv.inputRows); give \(conv.inputRows) numbers or change input"
                )
                return
            }
            (conv.inputRows, conv.inputColumns) = (signal.count, signal.count)
            conv.inputValues = signal
        case .channels where SceneReader.nesting(node.node) == 3:
            guard
                case (let values, let shape)? = reader.numberArray(
                    node, depth: 3, what: "a list of channels, each a list of rows of numbers"),
                SceneValueLimits.check(
                    node, shape: shape, values: values, axes: SceneValueLimits.inputChannels, reader: &reader)
            else { return }
            if configuration.gave("in-channels") && configuration.inputChannels != shape[0] {
                reader.report(
                    node, "\(node.path): \(shape[0]) channels do not match in-channels \(configuration.inputChannels)")
                return
            }
            guard
                matches(
                    node, rows: shape[1], columns: shape[2], conv: conv, given: configuration.gave("input"),
                    reader: &reader)
            else { return }
            configuration.inputChannels = shape[0]
            configuration.given.insert("in-channels")
            (conv.inputRows, conv.inputColumns) = (shape[1], shape[2])
            conv.inputValues = values
        default:
            let what =
                view.valueLayout == .channels
                ? "rows of numbers, or a list of channels of rows" : "a list of rows of numbers, e.g. [[0, 1], [2, 3]]"
            guard case (let values, let shape)? = reader.numberArray(node, depth: 2, what: what),
                SceneValueLimits.check(
                    node, shape: shape, values: values, axes: SceneValueLimits.inputGrid, reader: &reader)
            else { return }
            guard
                matches(
                    node, rows: shape[0], columns: shape[1], conv: conv, given: configuration.gave("input"),
                    reader: &reader)
            else { return }
            (conv.inputRows, conv.inputColumns) = (shape[0], shape[1])
            conv.inputValues = values
        }
        configuration.conv = conv
        configuration.given.formUnion(["input", "fill"])
    }

    /// Reads `setup.weights`.
    static func readWeights(
        _ node: SceneNode, view: any SandboxModel.Type, into configuration: inout ExploreConfiguration,
        reader: inout SceneReader
    ) {
        var conv = configuration.conv
        switch view.valueLayout {
        case .none, .gridWithoutWeights:
            reader.report(node, "\(node.path): the \(view.kind.name) view has no kernel weights; remove weights")
            return
        case .signal:
            guard let kernel = oneDimensional(node, what: "a list of numbers (the kernel)", reader: &reader),
                SceneValueLimits.check(
                    node, shape: [kernel.count], values: kernel, axes: SceneValueLimits.kernelSignal, reader: &reader)
            else {
                return
            }
            if configuration.gave("kernel") && conv.kernelColumns != kernel.count {
                reader.report(
                    node,
                    "\(node.path): \(kernel.count) weights do not match kernel \(conv.kernelColumns); give \(conv.kernelColumns) numbers or change kernel"
                )
                return
            }
            (conv.kernelRows, conv.kernelColumns) = (kernel.count, kernel.count)
            conv.kernelValues = kernel
        case .channels where SceneReader.nesting(node.node) == 4:
            guard
                case (let values, let shape)? = reader.numberArray(
                    node, depth: 4, what: "a list of kernels, each a list of slices of rows of numbers"),
                SceneValueLimits.check(
                    node, shape: shape, values: values, axes: SceneValueLimits.kernelChannels, reader: &reader)
            else { return }
            if configuration.gave("out-channels") && configuration.outputChannels != shape[0] {
                reader.report(
                    node, "\(node.path): \(shape[0]) kernels do not match out-channels \(configuration.outputChannels)")
                return
            }
            let groups = max(1, configuration.groups)
            let slices = configuration.inputChannels / groups
            guard shape[1] == slices else {
                reader.report(
                    node,
                    "\(node.path): each kernel has \(shape[1]) slices, but in-channels \(configuration.inputChannels) / groups \(groups) needs \(slices)"
                )
                return
            }
            guard
                kernelMatches(
                    node, rows: shape[2], columns: shape[3], conv: conv, given: configuration.gave("kernel"),
                    reader: &reader)
            else { return }
            configuration.outputChannels = shape[0]
            configuration.given.insert("out-channels")
            (conv.kernelRows, conv.kernelColumns) = (shape[2], shape[3])
            conv.kernelValues = values
        default:
            let what =
                view.valueLayout == .channels
                ? "rows of numbers, or a list of kernels of slices of rows"
                : "a list of rows of numbers, e.g. [[1, 0], [0, -1]]"
            guard case (let values, let shape)? = reader.numberArray(node, depth: 2, what: what),
                SceneValueLimits.check(
                    node, shape: shape, values: values, axes: SceneValueLimits.kernelGrid, reader: &reader)
            else { return }
            guard
                kernelMatches(
                    node, rows: shape[0], columns: shape[1], conv: conv, given: configuration.gave("kernel"),
                    reader: &reader)
            else { return }
            (conv.kernelRows, conv.kernelColumns) = (shape[0], shape[1])
            conv.kernelValues = values
        }
        configuration.conv = conv
        configuration.given.formUnion(["kernel", "preset"])
    }

    /// A flat list of numbers, or one row `[[…]]`.
    private static func oneDimensional(_ node: SceneNode, what: String, reader: inout SceneReader) -> [Double]? {
        if SceneReader.nesting(node.node) == 2,
            case (let values, let shape)? = SceneReader.flatten(node.node, depth: 2), shape[0] == 1
        {
            return values
        }
        return reader.numberArray(node, depth: 1, what: what)?.values
    }

    /// Whether values of `rows × columns` agree with a given `input` size (reported when not).
    private static func matches(
        _ node: SceneNode, rows: Int, columns: Int, conv: ConvSetup, given: Bool, reader: inout SceneReader
    ) -> Bool {
        guard given, (rows, columns) != (conv.inputRows, conv.inputColumns) else { return true }
        reader.report(
            node,
            "\(node.path): \(rows) rows of \(columns) numbers do not match input \(conv.inputRows)x\(conv.inputColumns); give \(conv.inputRows) rows of \(conv.inputColumns) numbers or change input"
        )
        return false
    }

    /// Whether weights of `rows × columns` agree with a given `kernel` size (reported when not).
    private static func kernelMatches(
        _ node: SceneNode, rows: Int, columns: Int, conv: ConvSetup, given: Bool, reader: inout SceneReader
    ) -> Bool {
        guard given, (rows, columns) != (conv.kernelRows, conv.kernelColumns) else { return true }
        reader.report(
            node,
            "\(node.path): \(rows) rows of \(columns) numbers do not match kernel \(conv.kernelRows)x\(conv.kernelColumns); give \(conv.kernelRows) rows of \(conv.kernelColumns) numbers or change kernel"
        )
        return false
    }
}
