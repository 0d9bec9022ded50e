/// k-max pooling (Kalchbrenner et al., 2014) with its selection: the `k` largest values of each
/// channel plane of an `N×C×H×W` input, kept in their original row-major order (`N×C×k`).
/// `indices` holds the flat `h·W + w` of each kept cell. Equal values: the earlier cell is
/// kept first; NaN counts as the largest value, as in `torch.topk`.
public func kMaxPoolWithIndices(_ input: Tensor, k: Int) throws(CNNError) -> PoolResult {
    guard input.rank == 4 else {
        throw .invalidShape(
            "k-max pooling needs an N×C×H×W input (4 dimensions), got \(Tensor.describe(input.shape)); add the missing batch or channel dimension"
        )
    }
    let planes = input.shape[0] * input.shape[1]
    let planeSize = input.shape[2] * input.shape[3]
    guard k >= 1, k <= planeSize else {
        throw .invalidParameter(
            name: "k",
            message:
                "must be between 1 and the \(planeSize) cells of a \(input.shape[2])×\(input.shape[3]) channel plane, got \(k); choose k in 1...\(max(planeSize, 1))"
        )
    }
    var output = Tensor(shape: [input.shape[0], input.shape[1], k])
    var indices = Tensor(shape: [input.shape[0], input.shape[1], k])
    for plane in 0..<planes {
        let base = plane * planeSize
        let ranked = (0..<planeSize).sorted { a, b in
            let x = input.data[base + a]
            let y = input.data[base + b]
            if x.isNaN || y.isNaN { return x.isNaN && !y.isNaN || (x.isNaN && y.isNaN && a < b) }
            return x > y || (x == y && a < b)
        }
        for (slot, position) in ranked.prefix(k).sorted().enumerated() {
            output.data[plane * k + slot] = input.data[base + position]
            indices.data[plane * k + slot] = Double(position)
        }
    }
    return PoolResult(output: output, indices: indices)
}

/// k-max pooling: `N×C×H×W → N×C×k`, the `k` largest values of each channel plane in their
/// original row-major order (see `kMaxPoolWithIndices` for which cells were kept).
public func kMaxPool(_ input: Tensor, k: Int) throws(CNNError) -> Tensor {
    try kMaxPoolWithIndices(input, k: k).output
}
