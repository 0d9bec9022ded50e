extension ConvLayer {
    /// The transposed convolution that maps this layer's output shape back to its input shape
    /// with the same weight tensor: the adjoint of the convolution (its matrix transposed),
    /// which is also how `dL/dX` is computed from `dL/dY`. Its output padding is the number of
    /// trailing input cells the stride leaves unread, so the sizes match exactly; no bias.
    ///
    /// Refused when the padding differs before and after (a transposed convolution crops both
    /// sides equally).
    public func transposed() throws(CNNError) -> TransposedConvLayer {
        if let uneven = axes.first(where: { !$0.padding.isSymmetric }) {
            throw .invalidParameter(
                name: "padding",
                message:
                    "a transposed convolution pads both sides equally, but this convolution pads \(uneven.padding.before) before and \(uneven.padding.after) after; use symmetric padding"
            )
        }
        let parameters = TransposedConvParameters(
            stride: axes.map(\.stride), padding: axes.map(\.padding.before),
            outputPadding: axes.map(\.unreadTrailingCells), dilation: axes.map(\.dilation),
            groups: self.parameters.groups)
        return try TransposedConvLayer(
            inputShape: outputShape, weightShape: weightShape, hasBias: false, parameters: parameters)
    }
}
