import CNNSandbox

/// Which part of a long axis fits on screen. The viewport pages, as a pager or an editor does:
/// the picture stands still while the region of interest (the focus) moves inside it, and it
/// jumps by about a page when the focus would leave it — never one cell per step.
///
/// It is a pure function of (total, visible, focus), so it needs no state: the axis is cut into
/// pages whose starts are spread evenly from the first position to the last full page, each
/// start at most `visible − focus + 1` after the previous one (so consecutive pages overlap by
/// the focus less one, and every focus that fits lies inside one page). The viewport is the last
/// page whose start is at or before the focus's start.
public enum Viewport {
    /// A window of `visible` positions within `total` that contains `focus` when it fits (its
    /// start otherwise), never leaves `total`, and moves only when the focus crosses a page.
    public static func follow(total: Range<Int>, visible: Int, focus: Range<Int>) -> Range<Int> {
        let count = max(1, visible)
        guard total.count > count else { return total }
        let offsets = pageStarts(total: total.count, visible: count, focusCount: focus.count)
        let focusStart = focus.isEmpty ? total.lowerBound : focus.lowerBound
        let offset = min(max(0, focusStart - total.lowerBound), total.count - 1)
        let start = total.lowerBound + offsets.start(ofPage: offsets.page(containing: offset))
        return start..<(start + count)
    }

    /// The smallest move the viewport makes along an axis while the focus stays inside it: the
    /// distance between consecutive page starts is this or one more. `total` when all fits.
    public static func pageStep(total: Int, visible: Int, focusCount: Int) -> Int {
        let count = max(1, visible)
        guard total > count else { return max(0, total) }
        return pageStarts(total: total, visible: count, focusCount: focusCount).smallestStep
    }

    /// The page starts of an axis of `total` positions with `visible` on screen (`total > visible`).
    static func pageStarts(total: Int, visible: Int, focusCount: Int) -> PageStarts {
        // A focus wider than the screen keeps its start in view, as a one-position focus would.
        let focus = focusCount <= visible ? max(1, focusCount) : 1
        let longestStep = visible - focus + 1
        let travel = total - visible
        let jumps = (travel + longestStep - 1) / longestStep
        return PageStarts(travel: travel, jumps: jumps)
    }

    /// Page starts `⌊i × travel / jumps⌋` for `i` in `0...jumps`, offsets from the axis start.
    struct PageStarts {
        /// How far the last page starts from the first.
        var travel: Int
        /// How many page moves lead from the first page to the last (at least 1).
        var jumps: Int

        /// Where page `page` starts.
        func start(ofPage page: Int) -> Int { page * travel / jumps }

        /// The last page starting at or before `offset`.
        func page(containing offset: Int) -> Int {
            min(jumps, ((offset + 1) * jumps - 1) / travel)
        }

        /// The shortest distance between consecutive page starts.
        var smallestStep: Int { travel / jumps }
    }
}
