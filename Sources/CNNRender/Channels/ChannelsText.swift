import CNNCore
import CNNSandbox

/// The words and sums of the channels view: the mode line, the written-out sum of the current
/// cell split by input channel, and the parameter counts side by side.
enum ChannelsText {
    /// `standard convolution  C_in 2 → C_out 2  groups 1`, or the grouped, depthwise or
    /// separable variant, with what each kernel reads.
    static func modeLine(_ setup: ChannelsSetup, glyphs: Glyphs) -> String {
        let counts = "C_in \(setup.inputChannels) \(glyphs.arrow) C_out \(setup.outputChannels)"
        let x = glyphs.times
        switch setup.mode {
        case .separable:
            return
                "separable  \(counts): depthwise \(setup.conv.kernelRows)\(x)\(setup.conv.kernelColumns) per channel, then 1\(x)1 pointwise"
        case .convolution:
            let g = setup.groups
            if g == 1 {
                return
                    "standard  \(counts), groups 1: each kernel reads all \(setup.inputChannels) channel\(setup.inputChannels == 1 ? "" : "s")"
            }
            if g == setup.inputChannels {
                return "depthwise  \(counts), groups = C_in = \(g): each kernel reads one channel"
            }
            return "grouped  \(counts), groups \(g): each kernel reads \(setup.inputChannels / g) channels"
        }
    }

    /// `stage 1/2: depthwise …` for the separable mode (nil for one stage).
    static func stageLine(_ computation: ChannelsComputation, stage: Int, glyphs: Glyphs) -> String? {
        guard computation.stages.count > 1 else { return nil }
        let current = computation.stages[stage]
        let x = glyphs.times
        let kernel = "\(current.kernelRows)\(x)\(current.kernelColumns)"
        if current.name == "depthwise" {
            return
                "stage 1/2 depthwise: kernel \(kernel) per channel, \(current.inputChannels) \(glyphs.arrow) \(current.outputChannels) channels"
        }
        return
            "stage 2/2 pointwise: 1\(x)1 kernels mix the \(current.inputChannels) depthwise outputs into \(current.outputChannels) channels"
    }

    /// The written-out sum of a trace, split by input channel:
    /// `out0[0,0] = (0×0 + 1×1 + 3×2 + 4×3) + (1×1 + 2×2 + 4×3 + 5×4) = 19 + 37 = 56`.
    /// A 1×1 kernel reads one value per channel, so its sum is written without brackets.
    static func sumLines(
        trace: ConvTrace, label: String, width: Int, maxLines: Int, palette: Palette, glyphs: Glyphs
    ) -> [[Segment]] {
        let parts = ChannelPart.split(trace)
        let grouped = parts.count > 1 && parts.contains { $0.terms.count > 1 }
        var terms: [Segment] = []
        for part in parts {
            for (index, term) in part.terms.enumerated() {
                var text = "\(NumberText.factor(term.inputValue))\(glyphs.times)\(NumberText.factor(term.weight))"
                if grouped && index == 0 { text = "(" + text }
                if grouped && index == part.terms.count - 1 { text += ")" }
                terms.append(Segment(text, term.isPadding ? palette.padding : .plain))
            }
        }
        var result: [Segment] = []
        if let bias = trace.bias {
            result.append(Segment(" + \(NumberText.factor(bias))"))
            result.append(Segment(" (bias)", palette.dim))
        }
        result.append(Segment(" = "))
        result.append(Segment(NumberText.format(trace.value), palette.result))
        let opening = [Segment("\(label) = ", palette.dim)]
        guard grouped else {
            return ExpressionText.lines(
                opening: opening, terms: terms, separator: " + ", closing: result, width: width, maxLines: maxLines,
                glyphs: glyphs)
        }
        let sums = parts.map { Segment(NumberText.factor($0.sum)) }
        if parts.count <= 4 {
            let closing =
                [Segment(" = ")]
                + sums.enumerated().flatMap { index, sum in index == 0 ? [sum] : [Segment(" + "), sum] } + result
            return ExpressionText.lines(
                opening: opening, terms: terms, separator: " + ", closing: closing, width: width, maxLines: maxLines,
                glyphs: glyphs)
        }
        let first = ExpressionText.lines(
            opening: opening, terms: terms, separator: " + ", closing: [], width: width, maxLines: max(1, maxLines - 1),
            glyphs: glyphs)
        let second = ExpressionText.lines(
            opening: [Segment(String(repeating: " ", count: label.unicodeScalars.count + 1) + "= ")], terms: sums,
            separator: " + ", closing: result, width: width, maxLines: 1, glyphs: glyphs)
        return first + second
    }

    /// The parameter counts (weights, no bias) of standard, grouped and depthwise separable
    /// convolutions for this setup, each with its formula and numbers; the one shown is marked.
    static func costLines(_ setup: ChannelsSetup, costs: ChannelsCosts, glyphs: Glyphs) -> [(
        text: String, active: Bool
    )] {
        let k = "\(setup.conv.kernelRows)\(glyphs.dot)\(setup.conv.kernelColumns)"
        let cin = setup.inputChannels
        let cout = setup.outputChannels
        let g = setup.groups
        let dot = glyphs.dot
        let standard =
            "standard   K\(sub(1, glyphs))K\(sub(2, glyphs))\(dot)C_in\(dot)C_out = \(k)\(dot)\(cin)\(dot)\(cout) = \(costs.standard)"
        let groupedValue: String
        switch costs.grouped {
        case .success(let weights): groupedValue = "\(weights)"
        case .failure: groupedValue = "none"
        }
        let grouped =
            "grouped    K\(sub(1, glyphs))K\(sub(2, glyphs))\(dot)(C_in/g)\(dot)C_out = \(k)\(dot)(\(cin)/\(g))\(dot)\(cout) = \(groupedValue)"
        let separable =
            "separable  K\(sub(1, glyphs))K\(sub(2, glyphs))\(dot)C_in + C_in\(dot)C_out = \(k)\(dot)\(cin) + \(cin)\(dot)\(cout) = \(costs.depthwise) + \(costs.pointwise) = \(costs.separable)"
        return [
            (standard, setup.mode == .convolution && g == 1),
            (grouped, setup.mode == .convolution && g != 1),
            (separable, setup.mode == .separable),
        ]
    }

    /// `₁`/`₂`, or `1`/`2` in ASCII.
    static func sub(_ digit: Int, _ glyphs: Glyphs) -> String {
        glyphs.subscriptDigit(digit)
    }
}
