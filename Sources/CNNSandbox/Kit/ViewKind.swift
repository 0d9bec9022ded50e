/// The sandbox's views, reached with `cnnviz explore --view NAME` and cycled with `v`.
public enum ViewKind: String, CaseIterable, Hashable, Sendable {
    /// A kernel sliding over one input channel.
    case conv
    /// Max and average pooling windows, global and k-max pooling.
    case pool
    /// Receptive-field growth through a stack of layers.
    case stack
    /// Many input and output channels, groups, depthwise separable, 1×1.
    case channels
    /// Transposed convolution: zero insertion, and scattering scaled kernels.
    case transpose
    /// The convolution as a sparse matrix, and im2col.
    case matrix
    /// Gradients: dL/dK and dL/dX.
    case backprop
    /// 1-D signals, causal padding and dilated stacks.
    case oneD = "1d"

    /// The view after this one, wrapping around.
    public var next: ViewKind {
        let all = ViewKind.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// A short description for `--help` and the README.
    public var summary: String {
        switch self {
        case .conv: return "a kernel slides over the input; the dot product is written out"
        case .pool: return "max and average pooling windows; global and k-max pooling"
        case .stack: return "receptive fields grow through a stack of layers"
        case .channels: return "input channels summed into output channels; groups, depthwise separable, 1×1"
        case .transpose: return "transposed convolution as zero insertion and as scattered kernels"
        case .matrix: return "the convolution as a sparse matrix; im2col"
        case .backprop: return "gradients: dL/dK and dL/dX as sliding sums"
        case .oneD: return "1-D signals; causal padding; dilated stacks that double the receptive field"
        }
    }
}
