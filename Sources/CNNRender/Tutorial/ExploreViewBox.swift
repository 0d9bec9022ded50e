import CNNCore
import CNNCourse
import CNNSandbox

/// Any sandbox view, as the tutorial player hosts it.
public struct ExploreViewBox: TutorialView {
    /// The view.
    public var view: any ExploreView

    /// Wraps a view.
    public init(_ view: any ExploreView) {
        self.view = view
    }

    public var player: Player {
        get { view.player }
        set { view.player = newValue }
    }

    public mutating func apply(_ action: ExploreAction) { view.apply(action) }
}

/// The tutorial player with real views.
public typealias TutorialSession = TutorialPlayer<ExploreViewBox>

extension TutorialPlayer where View == ExploreViewBox {
    /// A player whose scenes are shown by the sandbox's views (built paused).
    public static func session(scenes: [Scene], autoplay: Bool = false, hold: Double = SceneBeat.defaultHold)
        -> TutorialSession?
    {
        TutorialSession(scenes: scenes, autoplay: autoplay, hold: hold) { scene in
            do throws(CNNError) {
                return .success(
                    ExploreViewBox(
                        try ExploreViews.make(scene.view, configuration: scene.configuration, playing: false, speed: 1))
                )
            } catch {
                return .failure(error)
            }
        }
    }
}
