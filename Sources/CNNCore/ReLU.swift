/// The rectified linear unit, element by element: `max(0, x)`; NaN stays NaN, as in `torch.relu`.
public func relu(_ input: Tensor) -> Tensor {
    var output = input
    for i in output.data.indices where !(output.data[i] > 0) && !output.data[i].isNaN {
        output.data[i] = 0
    }
    return output
}
