/// The outputs of a pooling layer.
public struct PoolResult: Hashable, Sendable {
    /// `N×C×H_out×W_out`.
    public let output: Tensor
    /// Max only: for each output, the flat `h·W + w` of the winning input cell in its channel
    /// plane, as PyTorch's `return_indices` (stored as `Double`). Nil for average pooling.
    public let indices: Tensor?

    /// Creates a result.
    public init(output: Tensor, indices: Tensor?) {
        self.output = output
        self.indices = indices
    }

    /// Hashes the shapes and values (`Tensor` itself is only `Equatable`).
    public func hash(into hasher: inout Hasher) {
        for tensor in [output, indices] {
            hasher.combine(tensor?.shape)
            hasher.combine(tensor?.data)
        }
    }
}

extension PoolLayer {
    /// Pools every window of every channel plane with `reduceWindow`, the routine `trace` uses.
    public func forward(_ input: Tensor) throws(CNNError) -> PoolResult {
        guard input.shape == inputShape else {
            throw .invalidShape(
                "input shape \(Tensor.describe(input.shape)) differs from the layer's \(Tensor.describe(inputShape)); build the layer for this input"
            )
        }
        _ = try CoreLimits.elementCount(outputShape, of: "output")
        try CoreLimits.checkWork(outputShape + parameters.kernel, of: "pooling")
        let rowWindows = (0..<axes[0].outputSize).map(axes[0].poolWindow(output:))
        let columnWindows = (0..<axes[1].outputSize).map(axes[1].poolWindow(output:))
        let planes = inputShape[0] * inputShape[1]
        let inPlane = inputShape[2] * inputShape[3]
        let outPlane = rowWindows.count * columnWindows.count
        var output = Tensor(shape: outputShape)
        var indices = Tensor(shape: kind == .max ? outputShape : [0])
        let work = planes * outPlane * parameters.kernel.reduce(1, *)
        let cancellation = CancellationFlag.current
        input.data.withUnsafeBufferPointer { inBuffer in
            output.data.withUnsafeMutableBufferPointer { outBuffer in
                indices.data.withUnsafeMutableBufferPointer { indexBuffer in
                    guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
                    let source = SharedReadBuffer(base: inBase)
                    let target = SharedBuffer(base: outBase)
                    // Average pooling has no indices: its empty buffer must never be written.
                    let indexTarget = kind == .max ? indexBuffer.baseAddress.map { SharedBuffer(base: $0) } : nil
                    parallelFor(planes, work: work) { planeIndex in
                        let plane = source.base + planeIndex * inPlane
                        var slot = planeIndex * outPlane
                        for rowWindow in rowWindows {
                            if cancellation?.shouldStop() == true { return }
                            for columnWindow in columnWindows {
                                let outcome = reduceWindow(rows: rowWindow, columns: columnWindow, plane: plane)
                                target.base[slot] = outcome.value
                                indexTarget?.base[slot] = Double(outcome.flatIndex)
                                slot += 1
                            }
                        }
                    }
                }
            }
        }
        try cancellation?.check()
        return PoolResult(output: output, indices: kind == .max ? indices : nil)
    }
}

/// `torch.nn.functional.max_pool2d(..., return_indices=True)`: validates, then pools.
public func maxPool2d(_ input: Tensor, parameters: PoolParameters) throws(CNNError) -> PoolResult {
    try PoolLayer(kind: .max, inputShape: input.shape, parameters: parameters).forward(input)
}

/// `torch.nn.functional.avg_pool2d`: validates, then pools.
public func avgPool2d(_ input: Tensor, parameters: PoolParameters) throws(CNNError) -> Tensor {
    try PoolLayer(kind: .average, inputShape: input.shape, parameters: parameters).forward(input).output
}
