/// How large a strip's cells are drawn: `extra` blank columns beyond the widest value text,
/// and `rowStep` screen rows per grid row (a block of `rowStep − 1` rows and a blank line).
/// Every view picks its zoom from the one `ladder`, largest first.
public struct StripZoom: Hashable, Sendable {
    /// Columns added to each cell beyond its text and the blank separator.
    public var extra: Int
    /// Screen rows per grid row.
    public var rowStep: Int

    /// Creates a zoom; negative sizes become the smallest.
    public init(extra: Int, rowStep: Int) {
        self.extra = max(0, extra)
        self.rowStep = max(1, rowStep)
    }

    /// The smallest zoom: text-wide cells, one row per grid row. Used when nothing larger fits.
    public static let smallest = StripZoom(extra: 0, rowStep: 1)

    /// The widest `extra` outside classroom mode; a projector (classroom mode) may use every rung.
    public static let largestNormalExtra = 6

    /// Every zoom, largest first, ending with `smallest`.
    public static let ladder: [StripZoom] = [
        (24, 13), (20, 11), (16, 9), (12, 7), (10, 6), (8, 5), (7, 4), (6, 4), (5, 3), (4, 3), (3, 3), (3, 2),
        (2, 2), (1, 2), (0, 2), (0, 1),
    ].map { StripZoom(extra: $0.0, rowStep: $0.1) }

    /// The rungs a view may use: all of them in classroom mode, else those up to `largestNormalExtra`.
    public static func ladder(classroom: Bool) -> [StripZoom] {
        ladder.filter { classroom || $0.extra <= largestNormalExtra }
    }

    /// The largest rung of the ladder for which `fits` holds, or `smallest` when none does.
    /// A view whose rows are lines rather than blocks (the 1-D views) passes `maxRowStep`: each
    /// rung's row step is then at most that, its width unchanged.
    public static func largest(
        classroom: Bool, maxRowStep: Int = .max, where fits: (StripZoom) -> Bool
    ) -> StripZoom {
        ladder(classroom: classroom).lazy.map { StripZoom(extra: $0.extra, rowStep: min($0.rowStep, maxRowStep)) }
            .first(where: fits) ?? smallest
    }

    /// The screen height of a grid of `rows` rows at this zoom, its title line included (the
    /// blank line after the last row is not counted).
    public func gridHeight(rows: Int) -> Int {
        1 + max(0, rows * rowStep - (rowStep > 1 ? 1 : 0))
    }

    /// The screen columns of a cell whose widest text is `textWidth` columns (separator included).
    public func cellWidth(textWidth: Int) -> Int {
        max(1, textWidth) + 1 + extra
    }
}
