import CNNSandbox

/// A rectangle of the screen that a click maps to a target.
public struct HitRegion: Hashable, Sendable {
    public let row: Int
    public let column: Int
    public let width: Int
    public let height: Int
    public let target: HitTarget

    /// Creates a region.
    public init(row: Int, column: Int, width: Int, height: Int, target: HitTarget) {
        self.row = row
        self.column = column
        self.width = width
        self.height = height
        self.target = target
    }

    /// Whether a screen position lies inside.
    public func contains(row y: Int, column x: Int) -> Bool {
        y >= row && y < row + height && x >= column && x < column + width
    }
}

/// A drawn frame: the canvas and where clicks land.
public struct RenderedFrame: Sendable {
    public var canvas: Canvas
    public var hits: [HitRegion]

    /// Creates a frame.
    public init(canvas: Canvas, hits: [HitRegion] = []) {
        self.canvas = canvas
        self.hits = hits
    }

    /// The target under a screen position, if any.
    public func target(row: Int, column: Int) -> HitTarget? {
        hits.first { $0.contains(row: row, column: column) }?.target
    }
}
