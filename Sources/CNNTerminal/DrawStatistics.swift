#if canImport(Glibc)
    import Glibc
#endif

/// One line per draw on a descriptor the caller opened, for the benchmark and the byte-count
/// end-to-end test (which drive cnnviz in a pseudo-terminal and compare the bytes they read
/// with what the diff needed). Asked for with CNNVIZ_DRAW_STATS_FD=N; off otherwise.
///
/// Line format (space-separated `key=value`, ending in a newline):
/// `draw n=<draw number> cells=<changed cells> runs=<runs> minimum=<minimum bytes>
/// full=<1 for a full repaint> frame_us=<input event read → draw done> write_us=<refresh time>`
struct DrawStatistics {
    /// The environment variable naming the descriptor.
    static let variable = "CNNVIZ_DRAW_STATS_FD"

    /// The descriptor written to.
    let descriptor: Int32
    /// Draws so far.
    private var count = 0

    /// The statistics sink the environment asks for, or nil (unset, not a number, not open).
    static func fromEnvironment() -> DrawStatistics? {
        guard let text = ProcessEnvironment.value(of: variable), let descriptor = Int32(text), descriptor > 2,
            fcntl(descriptor, F_GETFD) != -1
        else { return nil }
        return DrawStatistics(descriptor: descriptor)
    }

    /// Creates a sink writing to `descriptor`.
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Writes the line for one draw. `since` is when the input event was read, `written` when
    /// the cells were handed to ncurses; now is when the terminal write finished.
    mutating func record(_ cost: DrawCost, fullRedraw: Bool, since: UInt64, written: UInt64) {
        count += 1
        let done = InteractiveClock.now
        let line =
            "draw n=\(count) cells=\(cost.changedCells) runs=\(cost.runs) minimum=\(cost.minimumBytes) "
            + "full=\(fullRedraw ? 1 : 0) frame_us=\((done &- since) / 1000) write_us=\((done &- written) / 1000)\n"
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}
