import CNNCore
import CNNSandbox

/// The header lines of the 1-D view: settings, toggles with their keys, the output-length
/// formula with its numbers (single layer) or the receptive field per layer (stack).
public struct OneDGeometryText {
    public let setup: OneDSetup
    /// The single layer's geometry, built from the setup even when the core refuses it.
    public let axis: AxisGeometry

    /// Works out the single layer's geometry.
    public init(setup: OneDSetup) {
        self.setup = setup
        let pads =
            (try? setup.effectivePadding.resolve(
                kernel: [setup.kernelSize], dilation: [setup.dilation], stride: [setup.stride]))
            ?? [AxisPadding(0)]
        axis = AxisGeometry(
            inputSize: setup.length, kernelSize: setup.kernelSize, stride: setup.stride, dilation: setup.dilation,
            padding: pads[0])
    }

    /// `pad 1`, `pad 2:0`, `pad 2 left (causal)`, `pad same (1:1)`.
    public var paddingText: String {
        let p = axis.padding
        let numbers = p.isSymmetric ? "\(p.before)" : "\(p.before):\(p.after)"
        if setup.causal { return "pad \(p.before) left (causal)" }
        switch setup.padding {
        case .explicit, .asymmetric: return "pad \(numbers)"
        default: return "pad \(setup.padding) (\(numbers))"
        }
    }

    /// The settings line.
    public func status(glyphs: Glyphs, valid: Bool, stack: OneDStack?) -> String {
        if setup.stackMode {
            let kernels = Set(setup.layers.map(\.kernel))
            let kernelText =
                kernels.count == 1
                ? "kernel \(setup.layers[0].kernel)"
                : "kernels \(setup.layers.map { String($0.kernel) }.joined(separator: ","))"
            let dilations = setup.layers.map { String($0.dilation) }.joined(separator: ",")
            let out = stack.map { "\($0.length(level: $0.depth))" } ?? "none"
            let name = setup.causal ? "dilated causal stack" : "dilated stack"
            return "\(name)  signal \(setup.length)  \(kernelText)  dilations \(dilations)  \(glyphs.arrow) out \(out)"
        }
        let out = valid ? "\(axis.outputSize)" : "none"
        return
            "1-D conv  signal \(setup.length)  kernel \(setup.kernelSize)  stride \(setup.stride)  \(paddingText)  dil \(setup.dilation)  \(glyphs.arrow) out \(out)"
    }

    /// The toggles and the keys that change them.
    public func toggles() -> String {
        let causal = "a causal \(setup.causal ? "on" : "off")"
        return setup.stackMode
            ? "\(causal)  t single layer  n N layers \u{2212}/+  k K kernels"
            : "\(causal)  t dilated stack"
    }

    /// Single layer: the output length formula. Stack: the receptive field per layer.
    public func formulas(glyphs: Glyphs, stack: OneDStack?) -> [String] {
        if setup.stackMode {
            guard let stack else { return [] }
            let sizes = (1...stack.depth).map { String(stack.receptiveField(level: $0)) }.joined(separator: ", ")
            return [
                glyphs.adapt(
                    "receptive field after each layer: \(sizes)   (r = r_prev + d\u{00B7}(k\u{2212}1)\u{00B7}jump)")
            ]
        }
        return ["length: " + (glyphs.pick(unicode: axis.formula.unicode, ascii: axis.formula.ascii))]
    }

    /// Single layer: what causal padding does, or input the stride never reads.
    public func notes(glyphs: Glyphs) -> [String] {
        guard !setup.stackMode else { return [] }
        var notes: [String] = []
        if setup.causal {
            notes.append(
                "causal: all \(axis.padding.before) padding zeros go on the left (d\u{00B7}(k\u{2212}1) = \(setup.dilation)\u{00B7}\(setup.kernelSize - 1)), so output t reads only inputs \u{2264} t"
            )
        }
        if let note = axis.formula.tilingNote(rowsOrColumns: "cell") { notes.append(note) }
        return notes.map(glyphs.adapt)
    }
}
