import CNNCore
import CNNSandbox

/// Draws one sandbox view's model. Each view has one renderer, listed in `ViewRenderers.all`.
public protocol ViewRenderer: Sendable {
    /// The model this renderer draws.
    associatedtype Model: SandboxModel
    /// Draws the model's current step at a size.
    static func render(_ model: Model, width: Int, height: Int, options: RenderOptions) -> RenderedFrame
}

extension ViewRenderer {
    /// The kind of the model drawn.
    static var kind: ViewKind { Model.kind }

    /// Draws `model` when it is this renderer's model, else nil.
    static func renderIfDrawn(_ model: any SandboxModel, width: Int, height: Int, options: RenderOptions)
        -> RenderedFrame?
    {
        (model as? Model).map { render($0, width: width, height: height, options: options) }
    }
}

/// The list pairing every view model with its renderer. Adding a view is one entry here and one
/// in `SandboxViews.all`; a test fails when either is missing.
public enum ViewRenderers {
    /// Every renderer.
    public static let all: [any ViewRenderer.Type] = [
        ConvView.self,
        PoolView.self,
        StackView.self,
        ChannelsView.self,
        TransposeView.self,
        MatrixView.self,
        BackpropView.self,
        OneDView.self,
    ]

    /// The kinds of the models drawn, in list order.
    public static var kinds: [ViewKind] { all.map { $0.kind } }

    /// Draws any sandbox model with its renderer (a blank frame naming the view when none is listed).
    public static func render(_ model: any SandboxModel, width: Int, height: Int, options: RenderOptions)
        -> RenderedFrame
    {
        for renderer in all {
            if let frame = renderer.renderIfDrawn(model, width: width, height: height, options: options) {
                return frame
            }
        }
        var canvas = Canvas(width: width, height: height)
        canvas.put("no renderer for the \(type(of: model).kind.name) view", row: 0, column: 0)
        return RenderedFrame(canvas: canvas)
    }
}

extension SandboxModel {
    /// Draws the model with its renderer.
    public func render(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        ViewRenderers.render(self, width: width, height: height, options: options)
    }
}
