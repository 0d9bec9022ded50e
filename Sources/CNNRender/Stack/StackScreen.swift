import CNNCore
import CNNSandbox

/// The receptive-field stack view as an `ExploreView` (`cnnviz explore --view stack`).
public struct StackExploreScreen: ModelBackedView {
    public static let kind = ViewKind.stack
    /// The sandbox state.
    public var model: StackModel

    /// Builds the view from `--layers` (default `conv3,conv3,conv3`) and `--input` (default: the
    /// smallest side from 9 on which the stack fits); refuses what the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        let setup = try StackSetup(configuration: configuration)
        model = StackModel(setup: setup, playing: playing, speed: speed)
        if case .failure(let error) = model.result { throw error }
        if case .failure(let error) = model.dependencies { throw error }
    }

    /// A click on any level's cell chooses it; a click on an output cell chooses it in the current level.
    public mutating func click(_ target: HitTarget) {
        switch target {
        case .stackCell(let level, let row, let column): model.select(level: level, row: row, column: column)
        case .outputCell(let row, let column): model.apply(.selectOutput(row: row, column: column))
        }
    }

    public func render(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        StackView.render(model, width: width, height: height, options: options)
    }
}
