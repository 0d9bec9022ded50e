import CNNCore
import CNNSandbox

/// The geometry lines of the convolution view: the status line, the output-size formula of
/// each axis with its numbers, and a note when the stride leaves input unread.
public struct ConvGeometryText {
    public let setup: ConvSetup
    /// The resolved geometry of rows and columns (padding resolved where possible).
    public let axes: [AxisGeometry]

    /// Works out the geometry even when the core refuses the setup, so the view can still
    /// show the numbers that do not fit.
    public init(setup: ConvSetup) {
        self.setup = setup
        let kernel = [setup.kernelRows, setup.kernelColumns]
        let pads =
            (try? setup.padding.resolve(kernel: kernel, dilation: setup.dilation, stride: setup.stride))
            ?? [AxisPadding(0), AxisPadding(0)]
        let inputs = [setup.inputRows, setup.inputColumns]
        axes = (0..<2).map {
            AxisGeometry(
                inputSize: inputs[$0], kernelSize: kernel[$0], stride: setup.stride[$0],
                dilation: setup.dilation[$0], padding: pads[$0])
        }
    }

    /// `input 7×7  kernel 3×3  stride 2  pad 0  dil 1  → out 3×3`.
    public func status(glyphs: Glyphs) -> String {
        let x = glyphs.times
        func pair(_ values: [Int]) -> String { values[0] == values[1] ? "\(values[0])" : "\(values[0]),\(values[1])" }
        let padText: String
        switch setup.padding {
        case .explicit, .asymmetric:
            let symmetric = axes.allSatisfy(\.padding.isSymmetric)
            padText =
                symmetric
                ? pair(axes.map(\.padding.before))
                : axes.map { "\($0.padding.before):\($0.padding.after)" }.joined(separator: ",")
        default:
            padText =
                "\(setup.padding) (\(axes.map { $0.padding.isSymmetric ? "\($0.padding.before)" : "\($0.padding.before):\($0.padding.after)" }.joined(separator: ",")))"
        }
        let out =
            axes.allSatisfy { $0.paddedSize >= $0.effectiveKernel }
            ? "\(axes[0].outputSize)\(x)\(axes[1].outputSize)" : "none"
        return
            "input \(setup.inputRows)\(x)\(setup.inputColumns)  kernel \(setup.kernelRows)\(x)\(setup.kernelColumns)  stride \(pair(setup.stride))  pad \(padText)  dil \(pair(setup.dilation))  \(glyphs.arrow) out \(out)"
    }

    /// One line per axis (one line when both axes are alike), e.g. `rows ⌊(7 + 2·0 − 1·(3−1) − 1)/2⌋ + 1 = 3`.
    public func formulas(glyphs: Glyphs) -> [String] {
        let texts = axes.map { glyphs.pick(unicode: $0.formula.unicode, ascii: $0.formula.ascii) }
        if texts[0] == texts[1] {
            return ["rows, columns: \(texts[0])"]
        }
        return ["rows:    \(texts[0])", "columns: \(texts[1])"]
    }

    /// Notes on rows or columns the stride leaves unread.
    public func notes(glyphs: Glyphs) -> [String] {
        OutputSizeFormula.tilingNotes(rows: axes[0], columns: axes[1]).map(glyphs.adapt)
    }
}
