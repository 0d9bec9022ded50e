import CNNCore

/// How the channels view connects input channels to output channels.
public enum ChannelsMode: String, CaseIterable, Hashable, Sendable {
    /// One convolution with `groups` groups: 1 is standard, `C_in` is depthwise.
    case convolution
    /// Depthwise (groups = C_in, one kernel per input channel) then a 1×1 pointwise convolution.
    case separable

    /// The other mode.
    public var next: ChannelsMode { self == .convolution ? .separable : .convolution }
}

/// What the channels view lets a student change: the spatial geometry (a `ConvSetup`),
/// the channel counts, the groups and the mode. Counts clamp to 1…16 on their own; groups
/// that do not divide the channels stay possible so the core's refusal can be shown.
public struct ChannelsSetup: Hashable, Sendable {
    /// Input size, kernel size, stride, padding, dilation, preset, fill, seed, bias.
    public var conv: ConvSetup
    public var inputChannels: Int
    public var outputChannels: Int
    public var groups: Int
    public var mode: ChannelsMode

    /// Largest channel count offered by the keys and flags.
    public static let maximumChannels = 16

    /// Creates a setup.
    public init(
        conv: ConvSetup, inputChannels: Int = 2, outputChannels: Int = 2, groups: Int = 1,
        mode: ChannelsMode = .convolution
    ) {
        self.conv = conv
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
        self.groups = groups
        self.mode = mode
    }

    /// Builds the setup from the `explore` flags. Without `--input`, `--kernel`, `--fill` and
    /// `--preset` it opens on the lecture notes' two-channel example: a 3×3 ramp input (channel
    /// c holds 0…8 + c) and a 2×2 ramp kernel (slice s holds 0…3 + s), whose first output is 56.
    public init(configuration: ExploreConfiguration) {
        var conv = configuration.conv
        if !configuration.gave("input") { (conv.inputRows, conv.inputColumns) = (3, 3) }
        if !configuration.gave("kernel") { (conv.kernelRows, conv.kernelColumns) = (2, 2) }
        if !configuration.gave("fill") { conv.pattern = .ramp }
        if !configuration.gave("preset") { conv.preset = .ramp }
        self.init(
            conv: conv, inputChannels: configuration.inputChannels, outputChannels: configuration.outputChannels,
            groups: configuration.groups)
    }

    /// The input, `1 × C_in × H × W`: explicit values for every channel when given (a scene's
    /// `values:` as a list of channels); otherwise with the ramp fill channel c holds the ramp plus c; with a
    /// random fill each channel draws its own numbers; other fills repeat in every channel.
    public var input: Tensor {
        let plane = conv.inputRows * conv.inputColumns
        if let all = conv.inputValues, all.count == inputChannels * plane, inputChannels > 1 {
            return Tensor.sized([1, inputChannels, conv.inputRows, conv.inputColumns], all)
        }
        var values: [Double] = []
        values.reserveCapacity(inputChannels * plane)
        for channel in 0..<inputChannels {
            let seed = conv.seed &+ UInt64(channel) &* 7919
            let base =
                conv.inputValues.flatMap { $0.count == plane ? $0 : nil }
                ?? conv.pattern.values(rows: conv.inputRows, columns: conv.inputColumns, seed: seed)
            values += conv.pattern == .ramp && conv.inputValues == nil ? base.map { $0 + Double(channel) } : base
        }
        return Tensor.sized([1, inputChannels, conv.inputRows, conv.inputColumns], values)
    }

    /// Weights `outputs × slices × kH × kW`: explicit values for every kernel and slice when given
    /// (a scene's `weights:` as kernels of slices); otherwise from the preset: with the ramp preset, slice s of
    /// kernel o holds the ramp plus s + o; a random preset draws every slice anew; other presets
    /// repeat in every slice.
    public func weights(outputs: Int, slices: Int, rows: Int, columns: Int, salt: UInt64 = 0) -> Tensor {
        if let all = conv.kernelValues, all.count == outputs * slices * rows * columns, outputs * slices > 1,
            rows == conv.kernelRows, columns == conv.kernelColumns
        {
            return Tensor.sized([outputs, slices, rows, columns], all)
        }
        var values: [Double] = []
        values.reserveCapacity(outputs * slices * rows * columns)
        for output in 0..<outputs {
            for slice in 0..<slices {
                let seed = conv.seed &+ 1000 &+ salt &+ UInt64(output * slices + slice) &* 104_729
                let base =
                    conv.kernelValues.flatMap { $0.count == rows * columns && rows == conv.kernelRows ? $0 : nil }
                    ?? conv.preset.weights(rows: rows, columns: columns, seed: seed)
                values +=
                    conv.preset == .ramp && conv.kernelValues == nil ? base.map { $0 + Double(slice + output) } : base
            }
        }
        return Tensor.sized([outputs, slices, rows, columns], values)
    }

    /// The bias tensor of `outputs` channels, or nil.
    func bias(outputs: Int) -> Tensor? {
        conv.bias.map { Tensor(shape: [outputs], repeating: $0) }
    }

    /// The core's computation for this setup, or its refusal.
    public func compute() -> Result<ChannelsComputation, CNNError> {
        do throws(CNNError) {
            for (channels, what) in [(inputChannels, "input"), (outputChannels, "output")] {
                try ViewLimits.checkPicture(
                    channels: channels, rows: conv.inputRows, columns: conv.inputColumns, of: what, in: "channels",
                    change: "use a smaller input or fewer channels")
            }
            try ViewLimits.checkWork(
                [
                    outputChannels, conv.inputRows, conv.inputColumns, inputChannels / max(1, groups), conv.kernelRows,
                    conv.kernelColumns,
                ], in: "channels", change: "use a smaller input or kernel, or fewer channels")
            return .success(try ChannelsComputation(setup: self))
        } catch {
            return .failure(error)
        }
    }

    // MARK: Edits

    /// Adds `delta` to the input channels (1…16).
    public mutating func changeInputChannels(by delta: Int) {
        inputChannels = min(max(1, inputChannels + delta), ChannelsSetup.maximumChannels)
    }

    /// Adds `delta` to the output channels (1…16).
    public mutating func changeOutputChannels(by delta: Int) {
        outputChannels = min(max(1, outputChannels + delta), ChannelsSetup.maximumChannels)
    }

    /// The next divisor of the input channels after the current groups, wrapping to 1. The
    /// core refuses a value that does not also divide the output channels.
    public mutating func cycleGroups() {
        let divisors = (1...inputChannels).filter { inputChannels % $0 == 0 }
        groups = divisors.first { $0 > groups } ?? 1
    }
}
