import CNNCore

/// What the stack view lets a student change: the layers (fixed once parsed) and the input
/// grid. Input-size edits clamp to 1…64 on their own; a size the layers do not fit stays
/// possible so the core's refusal can be shown and fixed.
public struct StackSetup: Hashable, Sendable {
    /// The layers, as parsed from the compact syntax.
    public let layers: [LayerSpec]
    public var inputRows: Int
    public var inputColumns: Int
    /// Channels of the input (1 unless `--in-channels` is given).
    public var inputChannels: Int
    /// Layers listed in the table without a picture (relu, bn, fc, … in the network language).
    public var tableOnlyRows: [NetworkTableOnlyRow] = []
    /// The `--layers` string as given, when it has table-only layers (so the status line shows them).
    public var layersSource: String?

    /// The stack shown when `--layers` is not given: three 3×3 convolutions.
    public static let defaultLayers = "conv3,conv3,conv3"
    /// The input side used when `--input` is not given (3×3 → 5×5 → 7×7 fits on 9×9).
    public static let defaultInputSide = 9
    /// Largest input side offered by the `I` key.
    public static let maximumInputSide = 64

    /// Creates a setup from parsed layers.
    public init(layers: [LayerSpec], inputRows: Int, inputColumns: Int, inputChannels: Int = 1) {
        self.layers = layers
        self.inputRows = inputRows
        self.inputColumns = inputColumns
        self.inputChannels = inputChannels
    }

    /// Builds the setup from the `explore` flags: parses `--layers` (refusing syntax errors
    /// with the core's message), takes `--input` when given, and otherwise the smallest side
    /// from 9 up to 64 on which the core accepts the stack (9 when none does, so the core's
    /// refusal names the default size).
    public init(configuration: ExploreConfiguration) throws(CNNError) {
        let parsed = try StackSetup.parseLayers(configuration.layers ?? StackSetup.defaultLayers)
        let layers = parsed.layers
        defer {
            tableOnlyRows = parsed.tableOnly
            if !parsed.tableOnly.isEmpty { layersSource = configuration.layers }
        }
        let channels = configuration.gave("in-channels") ? configuration.inputChannels : 1
        if configuration.gave("input") {
            self.init(
                layers: layers, inputRows: configuration.conv.inputRows, inputColumns: configuration.conv.inputColumns,
                inputChannels: channels)
            return
        }
        let side =
            (StackSetup.defaultInputSide...StackSetup.maximumInputSide).first { side in
                (try? LayerStack(layers: layers, inputSize: [side, side], inputChannels: channels)) != nil
            } ?? StackSetup.defaultInputSide
        self.init(layers: layers, inputRows: side, inputColumns: side, inputChannels: channels)
    }

    /// The layers in the compact syntax.
    public var layersText: String { layersSource ?? LayerSyntax.format(layers) }

    /// The core's stack for this setup, or its refusal.
    public func compute() -> Result<LayerStack, CNNError> {
        do throws(CNNError) {
            return .success(
                try LayerStack(layers: layers, inputSize: [inputRows, inputColumns], inputChannels: inputChannels))
        } catch {
            return .failure(error)
        }
    }

    /// Grows or shrinks the input by `delta` on both sides (1…64, or the given size when larger).
    public mutating func changeInputSize(by delta: Int) {
        inputRows = min(max(1, inputRows + delta), max(StackSetup.maximumInputSide, inputRows))
        inputColumns = min(max(1, inputColumns + delta), max(StackSetup.maximumInputSide, inputColumns))
    }
}
