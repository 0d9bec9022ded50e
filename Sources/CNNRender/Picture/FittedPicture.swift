/// A picture averaged down by a whole factor: each block is the mean of `factor×factor`
/// pixels (fewer at the right and bottom edges). Two blocks stack in one cell.
public struct FittedPicture: Hashable, Sendable {
    /// The source's shading and size.
    public let shading: Picture.Shading
    /// Pixels per block side.
    public let factor: Int
    /// The source's size in pixels.
    public let pixelWidth: Int
    /// The source's height in pixels.
    public let pixelHeight: Int
    /// Blocks across.
    public let blockColumns: Int
    /// Blocks down.
    public let blockRows: Int
    /// `blockColumns·blockRows` block means, row by row.
    public let blocks: [Double]

    /// Averages the picture's values in `factor×factor` blocks.
    public init(picture: Picture, factor: Int) {
        let factor = max(1, factor)
        self.factor = factor
        shading = picture.shading
        pixelWidth = picture.width
        pixelHeight = picture.height
        blockColumns = (picture.width + factor - 1) / factor
        blockRows = (picture.height + factor - 1) / factor
        var sums = [Double](repeating: 0, count: blockColumns * blockRows)
        var counts = [Int](repeating: 0, count: blockColumns * blockRows)
        // Block by block along each row (no division per pixel: a 4096×4096 picture is 16 million).
        let width = picture.width
        let columns = blockColumns
        picture.values.withUnsafeBufferPointer { values in
            for y in 0..<picture.height {
                let blockRow = (y / factor) * columns
                let line = y * width
                for blockColumn in 0..<columns {
                    let start = blockColumn * factor
                    let end = min(width, start + factor)
                    // Added pixel by pixel to the block's running sum: the same additions, in the same
                    // order, as one pixel at a time would make.
                    var sum = sums[blockRow + blockColumn]
                    var count = counts[blockRow + blockColumn]
                    for x in start..<end {
                        let value = values[line + x]
                        guard value.isFinite else { continue }
                        sum += value
                        count += 1
                    }
                    sums[blockRow + blockColumn] = sum
                    counts[blockRow + blockColumn] = count
                }
            }
        }
        blocks = zip(sums, counts).map { $1 == 0 ? 0 : $0 / Double($1) }
    }

    /// Cells across.
    public var columns: Int { blockColumns }
    /// Cells down (two blocks per cell).
    public var rows: Int { (blockRows + 1) / 2 }

    /// "1 cell = 4×8 pixels": how many source pixels one cell shows.
    public var scaleText: String {
        "1 cell = \(factor)×\(2 * factor) pixels"
    }

    /// The block mean at a block position, nil outside.
    public func block(row: Int, column: Int) -> Double? {
        guard row >= 0, row < blockRows, column >= 0, column < blockColumns else { return nil }
        return blocks[row * blockColumns + column]
    }
}
