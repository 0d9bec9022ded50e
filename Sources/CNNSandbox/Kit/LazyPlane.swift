import Foundation

/// One output plane too costly to compute whole on every edit, computed as a frame asks for
/// it: a value's tile (`tileSide`×`tileSide` cells) is computed by the core the first time a
/// cell of it is read and kept until `maxTiles` tiles are held (then the cache starts again).
/// The whole plane is computed only when asked for (`whole`), once.
public final class LazyPlane: @unchecked Sendable {
    /// The plane's rows and columns.
    public let rows: Int
    public let columns: Int
    /// Computes the values at every (row, column) of the cross product, row by row (the core).
    public typealias Cells = @Sendable (_ rows: [Int], _ columns: [Int]) -> [Double]

    /// Cells per tile side: 32×32 = 1,024 outputs per core call.
    public static let tileSide = 32
    /// The most tiles kept: 1,024 tiles, 8 MB of values.
    public static let maxTiles = 1024

    private let cells: Cells
    private let wholePlane: @Sendable () -> [Double]
    private let lock = NSLock()
    private var tiles: [Int: [Double]] = [:]
    private var wholeValues: [Double]?
    private var computedTiles = 0

    /// A plane of `rows × columns` values; `cells` computes any of them, `whole` all at once.
    public init(rows: Int, columns: Int, cells: @escaping Cells, whole: @escaping @Sendable () -> [Double]) {
        self.rows = rows
        self.columns = columns
        self.cells = cells
        self.wholePlane = whole
    }

    /// The value at a cell (NaN outside the plane).
    public func value(row: Int, column: Int) -> Double {
        guard row >= 0, row < rows, column >= 0, column < columns else { return .nan }
        let side = LazyPlane.tileSide
        let tileRow = row / side
        let tileColumn = column / side
        let tilesAcross = (columns + side - 1) / side
        let key = tileRow * tilesAcross + tileColumn
        lock.lock()
        defer { lock.unlock() }
        if let whole = wholeValues { return whole[row * columns + column] }
        let tileRows = (tileRow * side)..<min(rows, (tileRow + 1) * side)
        let tileColumns = (tileColumn * side)..<min(columns, (tileColumn + 1) * side)
        let tile: [Double]
        if let kept = tiles[key] {
            tile = kept
        } else {
            tile = cells(Array(tileRows), Array(tileColumns))
            if tiles.count >= LazyPlane.maxTiles { tiles.removeAll(keepingCapacity: true) }
            tiles[key] = tile
            computedTiles += 1
        }
        let index = (row - tileRows.lowerBound) * tileColumns.count + (column - tileColumns.lowerBound)
        return index < tile.count ? tile[index] : .nan
    }

    /// The values at every (row, column) of the cross product, row by row, computed now and
    /// not kept (a picture's samples).
    public func values(rows: [Int], columns: [Int]) -> [Double] {
        cells(rows, columns)
    }

    /// Every value of the plane, row by row: computed on the first call (the whole cost), then kept.
    public var whole: [Double] {
        lock.lock()
        defer { lock.unlock() }
        if let wholeValues { return wholeValues }
        let values = wholePlane()
        wholeValues = values
        tiles.removeAll()
        return values
    }

    /// How many tiles the core has computed so far (for tests and the benchmark).
    public var tilesComputed: Int {
        lock.lock()
        defer { lock.unlock() }
        return computedTiles
    }

    /// `count` positions spread evenly over `0..<size` (all of them when `size <= count`),
    /// for samples of a plane.
    public static func spread(_ size: Int, count: Int) -> [Int] {
        guard size > count, count > 0 else { return Array(0..<max(0, size)) }
        return (0..<count).map { $0 * (size - 1) / max(1, count - 1) }
    }
}
