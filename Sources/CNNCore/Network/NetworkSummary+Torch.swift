extension NetworkSummary {
    /// Runnable Python (torch only) defining `model`, an `nn.Module` with the same layers, shapes and
    /// parameter count; residual blocks are instances of a small `Residual` class. Run as a script, it
    /// prints the output shape and the parameter count for one sample of the input shape.
    public func torchCode(layers nodes: [NetworkNode]) -> String {
        var lines = [
            "import torch",
            "from torch import nn",
            "",
            "",
            "class Residual(nn.Module):",
            "    \"\"\"body(x) + shortcut(x); the shortcut is nn.Identity() when the block has none.\"\"\"",
            "",
            "    def __init__(self, body, shortcut):",
            "        super().__init__()",
            "        self.body = body",
            "        self.shortcut = shortcut",
            "",
            "    def forward(self, x):",
            "        return self.body(x) + self.shortcut(x)",
            "",
            "",
        ]
        var modules: [String] = []
        Self.torchModules(nodes[...], rows: rows[...], input: input, into: &modules, indent: "    ")
        lines.append("model = nn.Sequential(")
        lines += modules
        lines.append(")")
        lines += [
            "",
            "if __name__ == \"__main__\":",
            "    model.eval()",
            "    with torch.no_grad():",
            "        y = model(torch.zeros(1, \(input.dimensions.map(String.init).joined(separator: ", "))))",
            "    print(\"output\", list(y.shape[1:]))",
            "    print(\"params\", sum(p.numel() for p in model.parameters()))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Appends one `nn` module line (or a `Residual(...)` block) per node.
    static func torchModules(
        _ nodes: ArraySlice<NetworkNode>, rows: ArraySlice<NetworkRow>, input: NetworkShape, into lines: inout [String],
        indent: String
    ) {
        var shape = input
        for (node, row) in zip(nodes, rows) {
            if case .residual(let body, let shortcut) = node.layer {
                lines.append("\(indent)Residual(")
                lines.append("\(indent)    nn.Sequential(")
                torchModules(body[...], rows: row.body[...], input: shape, into: &lines, indent: indent + "        ")
                lines.append("\(indent)    ),")
                if shortcut.isEmpty {
                    lines.append("\(indent)    nn.Identity(),")
                } else {
                    lines.append("\(indent)    nn.Sequential(")
                    torchModules(
                        shortcut[...], rows: row.shortcut[...], input: shape, into: &lines, indent: indent + "        ")
                    lines.append("\(indent)    ),")
                }
                lines.append("\(indent)),")
            } else {
                for module in torchModule(node.layer, input: shape, output: row.output) {
                    lines.append("\(indent)\(module),  # \(node.text)")
                }
            }
            shape = row.output
        }
    }

    /// The `nn` modules of one layer (a fully connected layer on C×1×1 gets an `nn.Flatten()` first).
    static func torchModule(_ layer: NetworkLayer, input: NetworkShape, output: NetworkShape) -> [String] {
        switch layer {
        case .conv(let conv):
            let window = conv.window
            let groups: Int
            switch conv.groups {
            case .depthwise: groups = input.channels
            case .count(let count): groups = count
            }
            let common =
                "kernel_size=\(window.kernel.python), stride=\(window.stride.python), padding=\(window.padding.python)"
            if conv.transposed {
                return [
                    "nn.ConvTranspose2d(\(input.channels), \(output.channels), \(common), output_padding=\(conv.outputPadding.python), groups=\(groups), bias=\(python(conv.bias)), dilation=\(window.dilation.python))"
                ]
            }
            return [
                "nn.Conv2d(\(input.channels), \(output.channels), \(common), dilation=\(window.dilation.python), groups=\(groups), bias=\(python(conv.bias)))"
            ]
        case .pool(let pool):
            let window = pool.window
            let common =
                "kernel_size=\(window.kernel.python), stride=\(window.stride.python), padding=\(window.padding.python)"
            if pool.isMax {
                return [
                    "nn.MaxPool2d(\(common), dilation=\(window.dilation.python), ceil_mode=\(python(pool.ceilMode)))"
                ]
            }
            return [
                "nn.AvgPool2d(\(common), ceil_mode=\(python(pool.ceilMode)), count_include_pad=\(python(pool.countIncludePad)))"
            ]
        case .globalPool(let isMax):
            return [isMax ? "nn.AdaptiveMaxPool2d(1)" : "nn.AdaptiveAvgPool2d(1)"]
        case .elementwise(let kind):
            switch kind {
            case .relu: return ["nn.ReLU()"]
            case .sigmoid: return ["nn.Sigmoid()"]
            case .tanh: return ["nn.Tanh()"]
            case .dropout: return ["nn.Dropout()"]
            }
        case .batchNorm:
            if case .flat(let count) = input { return ["nn.BatchNorm1d(\(count))"] }
            return ["nn.BatchNorm2d(\(input.channels))"]
        case .upsample(let factor):
            return ["nn.Upsample(scale_factor=\(factor.python), mode=\"nearest\")"]
        case .flatten:
            return ["nn.Flatten()"]
        case .fullyConnected(let outputs, let bias):
            let linear = "nn.Linear(\(input.channels), \(outputs), bias=\(python(bias)))"
            if case .spatial = input { return ["nn.Flatten()", linear] }
            return [linear]
        case .residual:
            return []
        }
    }

    /// `True` or `False`.
    static func python(_ flag: Bool) -> String { flag ? "True" : "False" }
}
