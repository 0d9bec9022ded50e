/// What one layer makes of its input: the output shape, the parameters (as PyTorch's `parameters()`
/// counts them) and the multiplications (as the lecture notes count them).
public struct NetworkLayerCost: Hashable, Sendable {
    /// The output shape.
    public var output: NetworkShape
    /// Weights and biases.
    public var params: Int
    /// Multiplications for one sample.
    public var mults: Int
}

/// The shape and cost arithmetic of the layers that are not residual blocks.
enum NetworkLayerArithmetic {
    /// Applies `node` (not a residual block) to `input`, refusing shapes that do not add up.
    static func apply(_ node: NetworkNode, to input: NetworkShape) throws(NetworkSpecError) -> NetworkLayerCost {
        let fail = { (problem: String) in NetworkSpecError(column: node.column, "'\(node.text)': \(problem)") }
        switch node.layer {
        case .conv(let conv):
            return try convolution(conv, input: input, node: node, fail: fail)
        case .pool(let pool):
            guard case .spatial(let channels, let rows, let columns) = input else {
                throw fail("pooling needs a C×H×W input, but gets a flat vector of \(input.text); pool before flatten")
            }
            try checkPoolPadding(pool, fail: fail)
            let outRows = try windowOutput(rows, axis: 0, window: pool.window, ceil: pool.ceilMode, node: node)
            let outColumns = try windowOutput(columns, axis: 1, window: pool.window, ceil: pool.ceilMode, node: node)
            return NetworkLayerCost(
                output: .spatial(channels: channels, rows: outRows, columns: outColumns), params: 0, mults: 0)
        case .globalPool:
            guard case .spatial(let channels, _, _) = input else {
                throw fail("global pooling needs a C×H×W input, but gets a flat vector of \(input.text)")
            }
            return NetworkLayerCost(output: .spatial(channels: channels, rows: 1, columns: 1), params: 0, mults: 0)
        case .elementwise:
            return NetworkLayerCost(output: input, params: 0, mults: 0)
        case .batchNorm:
            let params = try CheckedMath.product(
                [2, input.channels], "batch norm's parameter count", column: node.column)
            return NetworkLayerCost(output: input, params: params, mults: 0)
        case .upsample(let factor):
            guard case .spatial(let channels, let rows, let columns) = input else {
                throw fail("upsampling needs a C×H×W input, but gets a flat vector of \(input.text)")
            }
            let outRows = try CheckedMath.product([rows, factor.rows], "upsampled height", column: node.column)
            let outColumns = try CheckedMath.product([columns, factor.columns], "upsampled width", column: node.column)
            return NetworkLayerCost(
                output: .spatial(channels: channels, rows: outRows, columns: outColumns), params: 0, mults: 0)
        case .flatten:
            let count = try CheckedMath.product(input.dimensions, "flattened size", column: node.column)
            return NetworkLayerCost(output: .flat(count), params: 0, mults: 0)
        case .fullyConnected(let outputs, let bias):
            let inputs: Int
            switch input {
            case .flat(let count): inputs = count
            case .spatial(let channels, 1, 1): inputs = channels
            case .spatial:
                throw fail(
                    "a fully connected layer needs a flat or C×1×1 input, but gets \(input.text); put flatten (or gap) before it"
                )
            }
            let mults = try CheckedMath.product([inputs, outputs], "multiplication count", column: node.column)
            let params = try CheckedMath.sum(mults, bias ? outputs : 0, "parameter count", column: node.column)
            return NetworkLayerCost(output: .flat(outputs), params: params, mults: mults)
        case .residual:
            throw fail("a residual block is not a single layer")
        }
    }

    /// A convolution's or transposed convolution's output and costs.
    static func convolution(
        _ conv: NetworkConv, input: NetworkShape, node: NetworkNode, fail: (String) -> NetworkSpecError
    ) throws(NetworkSpecError) -> NetworkLayerCost {
        let word = conv.transposed ? "a transposed convolution" : "a convolution"
        guard case .spatial(let inChannels, let rows, let columns) = input else {
            throw fail(
                "\(word) needs a C×H×W input, but gets a flat vector of \(input.text) (after flatten or fc); put it before flatten"
            )
        }
        let groups: Int
        switch conv.groups {
        case .depthwise: groups = inChannels
        case .count(let count): groups = count
        }
        let outChannels = conv.channels ?? inChannels
        guard inChannels % groups == 0 else {
            throw fail(
                "\(groups) groups must divide the input's \(inChannels) channels; use a group count that divides \(inChannels)"
            )
        }
        guard outChannels % groups == 0 else {
            let hint =
                conv.groups == .depthwise
                ? "a depthwise conv on \(inChannels) channels needs c to be a multiple of \(inChannels)"
                : "use c a multiple of \(groups) or fewer groups"
            throw fail("\(groups) groups must divide the \(outChannels) output channels; \(hint)")
        }
        let kernel = conv.window.kernel
        let column = node.column
        let (outRows, outColumns): (Int, Int)
        if conv.transposed {
            try checkOutputPadding(conv, fail: fail)
            outRows = try transposedOutput(rows, axis: 0, conv: conv, node: node)
            outColumns = try transposedOutput(columns, axis: 1, conv: conv, node: node)
        } else {
            outRows = try windowOutput(rows, axis: 0, window: conv.window, ceil: false, node: node)
            outColumns = try windowOutput(columns, axis: 1, window: conv.window, ceil: false, node: node)
        }
        let perGroupIn = conv.transposed ? outChannels / groups : inChannels / groups
        let kernels = conv.transposed ? inChannels : outChannels
        let weights = try CheckedMath.product(
            [kernels, perGroupIn, kernel.rows, kernel.columns], "weight count", column: column)
        let params = try CheckedMath.sum(weights, conv.bias ? outChannels : 0, "parameter count", column: column)
        let positions = conv.transposed ? [rows, columns] : [outRows, outColumns]
        let mults = try CheckedMath.product([weights] + positions, "multiplication count", column: column)
        return NetworkLayerCost(
            output: .spatial(channels: outChannels, rows: outRows, columns: outColumns), params: params, mults: mults)
    }

    /// `⌊(n + 2p − d·(k−1) − 1)/s⌋ + 1` (or with ⌈⌉ and PyTorch's last-window rule in ceil mode).
    static func windowOutput(_ size: Int, axis: Int, window: NetworkWindow, ceil: Bool, node: NetworkNode)
        throws(NetworkSpecError) -> Int
    {
        let name = axis == 0 ? "rows" : "columns"
        let padding = window.padding[axis]
        let padded = try CheckedMath.sum(size, 2 * padding, "padded size", column: node.column)
        let span = window.span(axis)
        guard padded >= span else {
            throw NetworkSpecError(
                column: node.column,
                "'\(node.text)': the window spans \(span) \(name) but the input has only \(size) (\(padded) with padding); use a smaller kernel or dilation, more padding, or a larger input"
            )
        }
        let stride = window.stride[axis]
        let reach = padded - span
        var output = (ceil ? (reach + stride - 1) / stride : reach / stride) + 1
        if ceil, (output - 1) * stride >= size + padding { output -= 1 }
        return output
    }

    /// `(n − 1)·s − 2p + d·(k−1) + op + 1`, refused when below 1.
    static func transposedOutput(_ size: Int, axis: Int, conv: NetworkConv, node: NetworkNode)
        throws(NetworkSpecError) -> Int
    {
        let window = conv.window
        let stretched = try CheckedMath.product([size - 1, window.stride[axis]], "stretched size", column: node.column)
        let grown = try CheckedMath.sum(
            stretched, window.span(axis) + conv.outputPadding[axis], "output size", column: node.column)
        let output = grown - 2 * window.padding[axis]
        guard output >= 1 else {
            let name = axis == 0 ? "rows" : "columns"
            throw NetworkSpecError(
                column: node.column,
                "'\(node.text)': the output would have \(output) \(name) ((\(size)−1)·\(window.stride[axis]) − 2·\(window.padding[axis]) + \(window.span(axis)) + \(conv.outputPadding[axis])); lower the padding"
            )
        }
        return output
    }

    /// PyTorch's rule: output padding smaller than the stride or the dilation.
    static func checkOutputPadding(_ conv: NetworkConv, fail: (String) -> NetworkSpecError) throws(NetworkSpecError) {
        for axis in 0..<2 {
            let extra = conv.outputPadding[axis]
            let stride = conv.window.stride[axis]
            let dilation = conv.window.dilation[axis]
            guard extra < stride || extra < dilation else {
                throw fail(
                    "output padding \(extra) must be smaller than the stride \(stride) or the dilation \(dilation); use op\(max(stride, dilation) - 1) or less"
                )
            }
        }
    }

    /// PyTorch's rule: padding at most half the window (half the dilated span for max pooling).
    static func checkPoolPadding(_ pool: NetworkPool, fail: (String) -> NetworkSpecError) throws(NetworkSpecError) {
        for axis in 0..<2 {
            let window = pool.isMax ? pool.window.span(axis) : pool.window.kernel[axis]
            let limit = window / 2
            guard pool.window.padding[axis] <= limit else {
                throw fail(
                    "padding \(pool.window.padding[axis]) is more than half the window of \(window) (at most \(limit)); lower the padding or enlarge the window"
                )
            }
        }
    }
}
