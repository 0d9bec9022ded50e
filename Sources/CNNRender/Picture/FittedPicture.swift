/// A picture scaled by a whole factor: averaged down (each block is the mean of `factor×factor`
/// pixels, fewer at the right and bottom edges) or enlarged (each pixel drawn as `zoom×zoom`
/// blocks). Two blocks stack in one cell.
public struct FittedPicture: Hashable, Sendable {
    /// The source's shading and size.
    public let shading: Picture.Shading
    /// Pixels per block side (1 when enlarged).
    public let factor: Int
    /// Blocks per pixel side (1 when averaged down); an even number above 1, so a pixel is
    /// whole cells: `zoom` columns by `zoom / 2` rows.
    public let zoom: Int
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

    /// The largest zoom drawn: a 1×1 picture at 200×60 cells needs no more.
    public static let maximumZoom = 64
    /// The most blocks an enlarged picture holds (a 200×60 screen has 24,000 blocks).
    public static let maximumBlocks = 1 << 20

    /// Enlarges the picture: each pixel becomes `zoom×zoom` blocks (`zoom` is rounded down to an
    /// even number and capped at `maximumZoom`; 1 or less draws a pixel as one block). The
    /// caller bounds `zoom` by the cells it has, so the blocks are at most twice those cells.
    public init(picture: Picture, zoom: Int) {
        var zoom = max(1, min(Self.maximumZoom, zoom < 2 ? 1 : zoom / 2 * 2))
        // Whatever the caller asked, never more than `maximumBlocks` blocks.
        while zoom > 1, picture.width * zoom * picture.height * zoom > Self.maximumBlocks {
            zoom = zoom > 2 ? zoom - 2 : 1
        }
        self.zoom = zoom
        factor = 1
        shading = picture.shading
        pixelWidth = picture.width
        pixelHeight = picture.height
        blockColumns = picture.width * zoom
        blockRows = picture.height * zoom
        var blocks = [Double]()
        blocks.reserveCapacity(blockColumns * blockRows)
        for y in 0..<blockRows {
            let line = (y / zoom) * picture.width
            for x in 0..<blockColumns {
                let value = picture.values[line + x / zoom]
                blocks.append(value.isFinite ? value : 0)
            }
        }
        self.blocks = blocks
    }

    /// Averages the picture's values in `factor×factor` blocks.
    public init(picture: Picture, factor: Int) {
        let factor = max(1, factor)
        self.factor = factor
        zoom = 1
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

    /// "1 cell = 4×8 pixels": how many source pixels one cell shows; enlarged, "1 pixel = 4×2
    /// cells" (columns × rows).
    public var scaleText: String {
        zoom > 1 ? "1 pixel = \(zoom)×\(zoom / 2) cells" : "1 cell = \(factor)×\(2 * factor) pixels"
    }

    /// The block mean at a block position, nil outside.
    public func block(row: Int, column: Int) -> Double? {
        guard row >= 0, row < blockRows, column >= 0, column < blockColumns else { return nil }
        return blocks[row * blockColumns + column]
    }
}
