import CNNCore
import CNNSandbox

/// Draws one sandbox view's model: its body, in the rectangle it is given. The host draws the
/// chrome (`ViewHost` in explore, `TutorialScreen` in a lesson). Each view has one renderer,
/// listed in `ViewRenderers.all`.
public protocol ViewRenderer: Sendable {
    /// The model this renderer draws.
    associatedtype Model: SandboxModel
    /// Draws the model's current step into a body of `width` × `height` cells.
    static func body(_ model: Model, width: Int, height: Int, options: RenderOptions) -> ViewBody
}

extension ViewRenderer {
    /// The kind of the model drawn.
    static var kind: ViewKind { Model.kind }

    /// Draws `model` when it is this renderer's model, else nil.
    static func bodyIfDrawn(_ model: any SandboxModel, width: Int, height: Int, options: RenderOptions)
        -> ViewBody?
    {
        (model as? Model).map { body($0, width: width, height: height, options: options) }
    }

    /// The whole explore screen of `model`: its body inside the host's chrome.
    public static func render(_ model: Model, width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        ViewHost.render(model, width: width, height: height, options: options)
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

    /// Draws any sandbox model's body with its renderer (a body naming the view when none is listed).
    public static func body(_ model: any SandboxModel, width: Int, height: Int, options: RenderOptions) -> ViewBody {
        for renderer in all {
            if let body = renderer.bodyIfDrawn(model, width: width, height: height, options: options) {
                return body
            }
        }
        var canvas = Canvas(width: width, height: height)
        canvas.put("no renderer for the \(type(of: model).kind.name) view", row: 0, column: 1)
        return ViewBody(canvas: canvas, status: [], hints: "")
    }
}

extension SandboxModel {
    /// The whole explore screen of the model: its renderer's body inside the host's chrome.
    public func render(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        ViewHost.render(self, width: width, height: height, options: options)
    }
}
