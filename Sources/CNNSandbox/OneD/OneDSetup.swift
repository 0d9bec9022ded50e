import CNNCore

/// Everything the 1-D sandbox lets a student change: a signal of `length` cells, one kernel
/// (single-layer mode) or a stack of dilated layers (stack mode), causal padding. Edits clamp
/// each number on its own; combinations the core refuses stay possible so the refusal shows.
public struct OneDSetup: Hashable, Sendable {
    /// Cells of the signal.
    public var length: Int
    /// Taps of the single layer's kernel.
    public var kernelSize: Int
    public var stride: Int
    /// The single layer's padding (one axis); ignored while `causal` is on.
    public var padding: PaddingSpec
    public var dilation: Int
    /// Pad only on the left, `d·(k−1)` zeros, so output t sees only inputs ≤ t.
    public var causal: Bool
    /// Whether the dilated stack is shown instead of the single layer.
    public var stackMode: Bool
    /// The stack's layers (convolutions; stride, dilation and kernel of each are used).
    public var layers: [LayerSpec]
    public var preset: KernelPreset
    public var pattern: InputPattern
    public var seed: UInt64
    /// The single layer's bias, or nil for none.
    public var bias: Double?
    /// Explicit signal values (a scene's `values:`), overriding the pattern when the length matches.
    public var inputValues: [Double]? = nil
    /// Explicit kernel values (a scene's `weights:`), overriding the preset when the size matches.
    public var kernelValues: [Double]? = nil

    /// Longest signal offered by the `I` key (longer ones can be given with --input).
    public static let maximumLength = 64
    /// Most layers offered by the `N` key.
    public static let maximumLayers = 8

    /// Creates a setup; the defaults are a 16-cell random signal and a 3-tap edge kernel.
    public init(
        length: Int = 16, kernelSize: Int = 3, stride: Int = 1, padding: PaddingSpec = .explicit([0]),
        dilation: Int = 1,
        causal: Bool = false, stackMode: Bool = false, layers: [LayerSpec] = OneDSetup.wavenetLayers(kernel: 2),
        preset: KernelPreset = .verticalEdge, pattern: InputPattern = .random, seed: UInt64 = 1, bias: Double? = nil
    ) {
        self.length = length
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.causal = causal
        self.stackMode = stackMode
        self.layers = layers
        self.preset = preset
        self.pattern = pattern
        self.seed = seed
        self.bias = bias
    }

    /// The setup the `explore` flags describe: the length is the first number of `--input`
    /// (16 when not given), the kernel the first of `--kernel`; stride, padding and dilation
    /// take the column value. `--layers` opens the stack (causal) with those layers.
    public init(configuration: ExploreConfiguration) throws(CNNError) {
        let conv = configuration.conv
        let kernel = configuration.gave("kernel") ? conv.kernelColumns : nil
        self.init(
            length: configuration.gave("input") ? conv.inputRows : 16, kernelSize: kernel ?? 3, stride: conv.stride[1],
            padding: OneDSetup.columnPadding(conv.padding), dilation: conv.dilation[1], causal: configuration.causal,
            layers: OneDSetup.wavenetLayers(kernel: kernel ?? 2), preset: conv.preset, pattern: conv.pattern,
            seed: conv.seed,
            bias: conv.bias)
        inputValues = conv.inputValues
        kernelValues = conv.kernelValues
        if let text = configuration.layers {
            layers = try OneDSetup.checkedLayers(try LayerSyntax.parse(text))
            stackMode = true
            causal = true
        }
    }

    /// Dilations 1, 2, 4, 8 at one kernel size: the WaveNet / TCN stack.
    public static func wavenetLayers(kernel: Int, count: Int = 4) -> [LayerSpec] {
        (0..<count).map { LayerSpec(kind: .conv, kernel: kernel, dilation: 1 << $0, bias: false) }
    }

    /// The padding of the columns of a 2-axis padding spec, as a 1-axis spec.
    static func columnPadding(_ spec: PaddingSpec) -> PaddingSpec {
        switch spec {
        case .explicit(let values): return .explicit([values.last ?? 0])
        case .asymmetric(let values): return .asymmetric([values.last ?? AxisPadding(0)])
        case .valid, .same, .full: return spec
        }
    }

    /// Refuses layers a one-channel 1-D stack cannot run.
    static func checkedLayers(_ layers: [LayerSpec]) throws(CNNError) -> [LayerSpec] {
        for (index, layer) in layers.enumerated() {
            if layer.kind != .conv {
                throw .invalidParameter(
                    name: "layers",
                    message:
                        "layer \(index + 1) is \(layer.label), but the 1d view stacks convolutions only; write e.g. conv2d\(max(1, layer.dilation))"
                )
            }
            if let channels = layer.outputChannels, channels != 1 {
                throw .invalidParameter(
                    name: "layers",
                    message:
                        "layer \(index + 1) (\(layer.label)) asks for \(channels) channels, but the 1d view follows one channel; leave out c\(channels)"
                )
            }
        }
        return layers
    }

    /// The single layer's padding in use: `d·(k−1)` zeros on the left only when causal.
    public var effectivePadding: PaddingSpec {
        causal ? .asymmetric([AxisPadding(before: dilation * (kernelSize - 1), after: 0)]) : padding
    }

    /// The signal as a `1×1×L` tensor.
    public var input: Tensor {
        let values =
            inputValues.flatMap { $0.count == length ? $0 : nil }
            ?? pattern.values(rows: 1, columns: length, seed: seed)
        return Tensor.sized([1, 1, length], values)
    }

    /// The single layer's kernel as a `1×1×k` tensor.
    public var kernel: Tensor {
        let values =
            kernelValues.flatMap { $0.count == kernelSize ? $0 : nil }
            ?? preset.weights(rows: 1, columns: kernelSize, seed: seed &+ 1000)
        return Tensor.sized([1, 1, kernelSize], values)
    }

    /// The single layer's bias as a one-value tensor, or nil.
    public var biasTensor: Tensor? {
        bias.map { Tensor.sized([1], [$0]) }
    }

    /// The core's single 1-D convolution of `input` with `kernel`, or its refusal.
    public func computeSingle(input: Tensor, kernel: Tensor) -> Result<ConvComputation, CNNError> {
        do throws(CNNError) {
            let layer = try ConvLayer(
                inputShape: [1, 1, length], weightShape: [1, 1, kernelSize], hasBias: bias != nil,
                parameters: ConvParameters(stride: [stride], padding: effectivePadding, dilation: [dilation]))
            return .success(try ConvComputation(layer: layer, input: input, weight: kernel, bias: biasTensor))
        } catch {
            return .failure(error)
        }
    }

    /// The core's run of the stack over `input`, or its refusal.
    public func computeStack(input: Tensor) -> Result<OneDStack, CNNError> {
        do throws(CNNError) {
            return .success(try OneDStack(layers: layers, input: input, causal: causal, preset: preset, seed: seed))
        } catch {
            return .failure(error)
        }
    }

    // MARK: Edits

    /// Adds `delta` to the stride (1…9).
    public mutating func changeStride(by delta: Int) {
        stride = clamp(stride + delta, 1, ConvSetup.maximumStep)
    }

    /// Adds `delta` to the padding (0…9); turns causal padding off.
    public mutating func changePadding(by delta: Int) {
        let current: Int
        switch effectivePadding {
        case .explicit(let values): current = values.first ?? 0
        case .asymmetric(let values): current = values.first.map { max($0.before, $0.after) } ?? 0
        case .valid: current = 0
        case .same: current = (dilation * (kernelSize - 1) + 1) / 2
        case .full: current = dilation * (kernelSize - 1)
        }
        causal = false
        padding = .explicit([clamp(current + delta, 0, ConvSetup.maximumStep)])
    }

    /// Cycles numbers → valid → same → full → numbers; turns causal padding off.
    public mutating func cyclePaddingMode() {
        causal = false
        switch padding {
        case .explicit, .asymmetric: padding = .valid
        case .valid: padding = stride == 1 ? .same : .full
        case .same: padding = .full
        case .full: padding = .explicit([0])
        }
    }

    /// Adds `delta` to the dilation (1…9).
    public mutating func changeDilation(by delta: Int) {
        dilation = clamp(dilation + delta, 1, ConvSetup.maximumStep)
    }

    /// Single layer: the kernel grows or shrinks (1…9). Stack: every layer's kernel does.
    public mutating func changeKernelSize(by delta: Int) {
        if stackMode {
            layers = layers.map { layer in
                var copy = layer
                copy.kernel = clamp(layer.kernel + delta, 1, ConvSetup.maximumKernelSide)
                return copy
            }
        } else {
            kernelSize = clamp(kernelSize + delta, 1, ConvSetup.maximumKernelSide)
        }
    }

    /// Adds `delta` cells to the signal (1…64, or the length given).
    public mutating func changeLength(by delta: Int) {
        length = clamp(length + delta, 1, max(OneDSetup.maximumLength, length))
    }

    /// Adds a layer (doubling the last dilation) or removes the last one (1…8 layers).
    public mutating func changeLayerCount(by delta: Int) {
        if delta > 0, layers.count < OneDSetup.maximumLayers {
            var next = layers.last ?? LayerSpec(kind: .conv, kernel: 2, bias: false)
            next.dilation = layers.isEmpty ? 1 : min(LayerStack.largestValue, next.dilation * 2)
            layers.append(next)
        } else if delta < 0, layers.count > 1 {
            layers.removeLast()
        }
    }

    /// Single layer ↔ stack; the stack is shown causal, as in WaveNet.
    public mutating func toggleStack() {
        stackMode.toggle()
        if stackMode { causal = true }
    }

    /// The next kernel preset.
    public mutating func cyclePreset() {
        preset = preset.next
        kernelValues = nil
    }

    /// A new random signal.
    public mutating func reseed() {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        pattern = .random
        inputValues = nil
    }

    private func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int {
        min(max(value, low), high)
    }
}
