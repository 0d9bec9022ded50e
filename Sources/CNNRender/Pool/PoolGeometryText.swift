import CNNCore
import CNNSandbox

/// The header lines of the pooling view: the settings, the toggles with their keys, the
/// output-size formula of each axis with its numbers, and notes on ceil mode and unread cells.
public struct PoolGeometryText {
    public let setup: PoolSetup
    /// The geometry of rows and columns, built from the setup even when the core refuses it.
    public let axes: [AxisGeometry]

    /// Works out the geometry of a setup.
    public init(setup: PoolSetup) {
        self.setup = setup
        let inputs = [setup.inputRows, setup.inputColumns]
        let stride = setup.effectiveStride
        axes = (0..<2).map {
            AxisGeometry(
                inputSize: inputs[$0], kernelSize: setup.window[$0], stride: stride[$0], dilation: setup.dilation[$0],
                padding: AxisPadding(setup.padding[$0]), ceilMode: setup.ceilMode)
        }
    }

    /// `max` or `avg`.
    public static func word(_ kind: PoolKind) -> String { kind == .max ? "max" : "avg" }

    /// `max pool  input 4×4  window 2×2  stride 2  pad 0  dil 1  → out 2×2`.
    /// `valid` says whether the core accepted the setup (the output is "none" otherwise).
    public func status(glyphs: Glyphs, valid: Bool = true) -> String {
        let x = glyphs.times
        let input = "input \(setup.inputRows)\(x)\(setup.inputColumns)"
        func pair(_ values: [Int]) -> String { values[0] == values[1] ? "\(values[0])" : "\(values[0]),\(values[1])" }
        switch setup.mode {
        case .window:
            let fits = valid && axes.allSatisfy { $0.outputSize >= 1 }
            let out = fits ? "\(axes[0].outputSize)\(x)\(axes[1].outputSize)" : "none"
            let strideText =
                setup.stride == nil ? "\(pair(setup.effectiveStride)) (= window)" : pair(setup.effectiveStride)
            return
                "\(PoolGeometryText.word(setup.kind)) pool  \(input)  window \(setup.window[0])\(x)\(setup.window[1])  stride \(strideText)  pad \(pair(setup.padding))  dil \(pair(setup.dilation))  \(glyphs.arrow) out \(out)"
        case .global:
            return
                "global \(PoolGeometryText.word(setup.kind)) pool  \(input)  window = the whole plane  \(glyphs.arrow) out 1\(x)1"
        case .kMax:
            return
                "k-max pool  \(input)  k \(setup.k)  \(glyphs.arrow) out \(setup.k) (the \(setup.k) largest, in reading order)"
        }
    }

    /// The toggles and the keys that change them.
    public func toggles() -> String {
        func onOff(_ value: Bool) -> String { value ? "on" : "off" }
        switch setup.mode {
        case .window:
            var text = "m max/avg  e ceil_mode \(onOff(setup.ceilMode))"
            if setup.kind == .average { text += "  n count_include_pad \(onOff(setup.countIncludePad))" }
            return text + "  g window\u{2192}global\u{2192}k-max"
        case .global:
            return "m max/avg  g window\u{2192}global\u{2192}k-max"
        case .kMax:
            return "x X k \u{2212}/+  g window\u{2192}global\u{2192}k-max"
        }
    }

    /// Window mode: one formula line per axis (one line when both axes are alike).
    public func formulas(glyphs: Glyphs) -> [String] {
        guard setup.mode == .window else { return [] }
        let texts = axes.map { glyphs.pick(unicode: $0.formula.unicode, ascii: $0.formula.ascii) }
        if texts[0] == texts[1] {
            return ["rows, columns: \(texts[0])"]
        }
        return ["rows:    \(texts[0])", "columns: \(texts[1])"]
    }

    /// Window mode: what ceil mode did, and input cells the stride never reads.
    public func notes(glyphs: Glyphs) -> [String] {
        guard setup.mode == .window else { return [] }
        var notes: [String] = []
        func axisWords(_ flags: [Bool]) -> String? {
            switch (flags[0], flags[1]) {
            case (true, true): return "rows and columns"
            case (true, false): return "rows"
            case (false, true): return "columns"
            default: return nil
            }
        }
        if let words = axisWords(axes.map(\.ceilWindowAdded)) {
            notes.append(
                "ceil mode adds a partial window at the end of the \(words); cells past the padding are not read")
        }
        if let words = axisWords(axes.map(\.ceilWindowDropped)) {
            notes.append(
                "ceil mode's extra window along the \(words) would start in the padding, so PyTorch drops it (the \(glyphs.minus) 1)"
            )
        }
        notes += OutputSizeFormula.tilingNotes(rows: axes[0], columns: axes[1])
        return notes.map(glyphs.adapt)
    }
}
