/// Global pooling: each channel plane of an `N×C×H×W` input summarised by one value
/// (`N×C×1×1`), its max or its mean. Computed as a pooling layer whose window is the whole
/// plane (`PoolLayer.global`), so its traces are ordinary pooling traces.
public func globalPool(_ kind: PoolKind, _ input: Tensor) throws(CNNError) -> Tensor {
    try PoolLayer.global(kind, inputShape: input.shape).forward(input).output
}
