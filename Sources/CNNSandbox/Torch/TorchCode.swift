import CNNCore

/// Runnable PyTorch for what a view computes (`cnnviz explore --torch`, and the code overlay of
/// the conv view): the tensors, the `torch.nn.functional` call, the same layer as an `nn`
/// module with its weights copied in, a check that both agree, and the output printed as a flat
/// list (the order of the view's output, row by row). Nil for views with no single PyTorch call.
public enum TorchCode {
    /// The program for a view's current setup, or nil (with the reason) when there is none.
    public static func program(for view: any SandboxModel) -> Result<String, TorchCodeRefusal> {
        switch view {
        case let conv as ConvModel:
            guard let computation = conv.computation else { return .failure(.refused(conv.errorMessage)) }
            return .success(convolution(computation.layer, computation.input, computation.weight, computation.bias))
        case let oneD as OneDModel:
            guard let computation = oneD.computation else {
                return .failure(
                    TorchCodeRefusal(
                        reason: "the 1-D view's stack has no single PyTorch call; use conv1d layer by layer"))
            }
            return .success(convolution(computation.layer, computation.input, computation.weight, computation.bias))
        case let channels as ChannelsModel:
            guard let computation = channels.computation else { return .failure(.refused(channels.errorMessage)) }
            return .success(stages(computation.stages))
        case let pool as PoolModel:
            guard let computation = pool.computation else { return .failure(.refused(pool.errorMessage)) }
            guard let layer = computation.layer else {
                return .failure(TorchCodeRefusal(reason: "k-max pooling has no torch.nn module; use torch.topk"))
            }
            return .success(pooling(layer, computation.input))
        case let transpose as TransposeModel:
            guard let computation = transpose.computation else { return .failure(.refused(transpose.errorMessage)) }
            return .success(transposed(computation.layer, computation.input, computation.weight))
        default:
            return .failure(
                TorchCodeRefusal(
                    reason:
                        "the \(type(of: view).kind.name) view has no single PyTorch call; try conv, pool, channels, transpose or 1d"
                ))
        }
    }

    static let header = ["import torch", "import torch.nn as nn", "import torch.nn.functional as F", ""]

    /// `F.conv1d`/`F.conv2d` and `nn.Conv1d`/`nn.Conv2d`.
    static func convolution(_ layer: ConvLayer, _ input: Tensor, _ weight: Tensor, _ bias: Tensor?) -> String {
        var lines = header
        lines.append(
            TorchTensorText.assignment("x", input, comment: "input, N×C×" + (layer.spatialRank == 1 ? "L" : "H×W")))
        lines.append(TorchTensorText.assignment("w", weight, comment: "weight, out×in/groups×kernel"))
        if let bias { lines.append(TorchTensorText.assignment("b", bias, comment: "bias")) }
        lines += convCall(layer, input: "x", weight: "w", bias: bias == nil ? nil : "b", output: "y", module: "conv")
        lines += footer("y")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of one convolution: padding, the functional call, the module and the check.
    static func convCall(
        _ layer: ConvLayer, input: String, weight: String, bias: String?, output: String, module: String
    )
        -> [String]
    {
        let dims = layer.spatialRank
        let geometry = layer.axes
        var source = input
        var lines: [String] = [""]
        let symmetric = geometry.allSatisfy(\.padding.isSymmetric)
        if !symmetric {
            // F.pad lists the last axis first: (left, right, top, bottom).
            let sides = geometry.reversed().flatMap { [$0.padding.before, $0.padding.after] }
            lines.append("\(input)_padded = F.pad(\(input), \(TorchTensorText.tuple(sides)))  # before:after padding")
            source = "\(input)_padded"
        }
        let padding = symmetric ? geometry.map(\.padding.before) : geometry.map { _ in 0 }
        let stride = TorchTensorText.tuple(geometry.map(\.stride))
        let dilation = TorchTensorText.tuple(geometry.map(\.dilation))
        let pad = TorchTensorText.tuple(padding)
        let groups = layer.parameters.groups
        lines.append(
            "\(output) = F.conv\(dims)d(\(source), \(weight), \(bias ?? "None"), stride=\(stride), padding=\(pad), dilation=\(dilation), groups=\(groups))"
        )
        lines.append("")
        lines.append("# The same layer as a module, with the weights copied in:")
        lines.append(
            "\(module) = nn.Conv\(dims)d(\(layer.inputChannels), \(layer.outputChannels), kernel_size=\(TorchTensorText.tuple(geometry.map(\.kernelSize))), stride=\(stride), padding=\(pad), dilation=\(dilation), groups=\(groups), bias=\(bias == nil ? "False" : "True"), dtype=torch.float64)"
        )
        lines.append("with torch.no_grad():")
        lines.append("    \(module).weight.copy_(\(weight))")
        if let bias { lines.append("    \(module).bias.copy_(\(bias))") }
        lines.append("    assert torch.allclose(\(module)(\(source)), \(output))")
        return lines
    }

    /// The channels view: one grouped convolution, or depthwise then pointwise.
    static func stages(_ stages: [ChannelsStage]) -> String {
        var lines = header
        guard let first = stages.first else { return "" }
        lines.append(TorchTensorText.assignment("x", first.input, comment: "input, N×C×H×W"))
        var source = "x"
        for (index, stage) in stages.enumerated() {
            let name = stages.count == 1 ? "" : "\(index + 1)"
            lines.append(TorchTensorText.assignment("w\(name)", stage.weight, comment: "\(stage.name) weight"))
            if let bias = stage.bias { lines.append(TorchTensorText.assignment("b\(name)", bias, comment: "bias")) }
            lines += convCall(
                stage.layer, input: source, weight: "w\(name)", bias: stage.bias == nil ? nil : "b\(name)",
                output: "y\(name)", module: "conv\(name)")
            source = "y\(name)"
        }
        lines += footer(source)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `F.max_pool2d`/`F.avg_pool2d` and `nn.MaxPool2d`/`nn.AvgPool2d`.
    static func pooling(_ layer: PoolLayer, _ input: Tensor) -> String {
        var lines = header
        lines.append(TorchTensorText.assignment("x", input, comment: "input, N×C×H×W"))
        let parameters = layer.parameters
        let kernel = TorchTensorText.tuple(parameters.kernel)
        let stride = TorchTensorText.tuple(parameters.effectiveStride)
        let padding = TorchTensorText.tuple(parameters.padding)
        let ceil = parameters.ceilMode ? "True" : "False"
        lines.append("")
        switch layer.kind {
        case .max:
            let dilation = TorchTensorText.tuple(parameters.dilation)
            let arguments =
                "kernel_size=\(kernel), stride=\(stride), padding=\(padding), dilation=\(dilation), ceil_mode=\(ceil)"
            lines.append("y = F.max_pool2d(x, \(arguments))")
            lines.append("")
            lines.append("# The same layer as a module:")
            lines.append("pool = nn.MaxPool2d(\(arguments))")
        case .average:
            let include = parameters.countIncludePad ? "True" : "False"
            let arguments =
                "kernel_size=\(kernel), stride=\(stride), padding=\(padding), ceil_mode=\(ceil), count_include_pad=\(include)"
            lines.append("y = F.avg_pool2d(x, \(arguments))")
            lines.append("")
            lines.append("# The same layer as a module:")
            lines.append("pool = nn.AvgPool2d(\(arguments))")
        }
        lines.append("assert torch.allclose(pool(x), y)")
        lines += footer("y")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `F.conv_transpose2d` and `nn.ConvTranspose2d`.
    static func transposed(_ layer: TransposedConvLayer, _ input: Tensor, _ weight: Tensor) -> String {
        var lines = header
        let parameters = layer.parameters
        lines.append(TorchTensorText.assignment("x", input, comment: "input, N×C×H×W"))
        lines.append(TorchTensorText.assignment("w", weight, comment: "weight, in×out/groups×kernel"))
        let arguments =
            "stride=\(TorchTensorText.tuple(parameters.stride)), padding=\(TorchTensorText.tuple(parameters.padding)), output_padding=\(TorchTensorText.tuple(parameters.outputPadding)), groups=\(parameters.groups), dilation=\(TorchTensorText.tuple(parameters.dilation))"
        lines.append("")
        lines.append("y = F.conv_transpose2d(x, w, None, \(arguments))")
        lines.append("")
        lines.append("# The same layer as a module, with the weights copied in:")
        let kernel = TorchTensorText.tuple(Array(weight.shape.suffix(2)))
        lines.append(
            "deconv = nn.ConvTranspose2d(\(layer.inputChannels), \(layer.outputChannels), kernel_size=\(kernel), \(arguments), bias=False, dtype=torch.float64)"
        )
        lines.append("with torch.no_grad():")
        lines.append("    deconv.weight.copy_(w)")
        lines.append("    assert torch.allclose(deconv(x), y)")
        lines += footer("y")
        return lines.joined(separator: "\n") + "\n"
    }

    static func footer(_ output: String) -> [String] {
        ["", "print(tuple(\(output).shape))", "print(\(output).flatten().tolist())"]
    }
}

/// Why a view has no PyTorch code: the reason, in one line.
public struct TorchCodeRefusal: Error, Hashable, Sendable {
    /// The reason.
    public let reason: String

    /// The core refused the setup.
    static func refused(_ message: String?) -> TorchCodeRefusal {
        TorchCodeRefusal(reason: "the core refuses this setup: \(message ?? "invalid geometry")")
    }
}
