import CNNRender

/// Which cells of a new canvas must be written to the screen. Pure.
enum CanvasDiff {
    /// A run of changed cells in one row: columns `start..<end`.
    struct Run: Equatable, Sendable {
        var row: Int
        var start: Int
        var end: Int
    }

    /// The changed runs of `canvas` against `previous`, clipped to the screen size.
    /// With no previous canvas, or one of another size, every visible cell is a change.
    static func changedRuns(from previous: Canvas?, to canvas: Canvas, screenWidth: Int, screenHeight: Int) -> [Run] {
        let rows = min(canvas.height, max(0, screenHeight))
        let columns = min(canvas.width, max(0, screenWidth))
        guard rows > 0, columns > 0 else { return [] }
        var runs: [Run] = []
        for row in 0..<rows {
            guard let previous, previous.width == canvas.width, previous.height == canvas.height else {
                runs.append(Run(row: row, start: 0, end: columns))
                continue
            }
            var column = 0
            while column < columns {
                guard canvas[row, column] != previous[row, column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < columns && canvas[row, column] != previous[row, column] { column += 1 }
                runs.append(Run(row: row, start: start, end: column))
            }
        }
        return runs
    }
}
