import CNNRender
import Testing

@Suite("Viewport: a picture that stands still and pages")
struct ViewportTests {
    /// Slides a window of `focus` positions over `total` by `stride` and returns each viewport.
    static func sweep(total: Range<Int>, visible: Int, focus: Int, stride: Int) -> [(Range<Int>, Range<Int>)] {
        Swift.stride(from: total.lowerBound, through: total.upperBound - focus, by: stride).map { start in
            let window = start..<(start + focus)
            return (window, Viewport.follow(total: total, visible: visible, focus: window))
        }
    }

    @Test("over many sizes the window stays inside a full viewport, which moves forward by at least a page step")
    func pagesNeverCreep() {
        var moves = 0
        var faults: [String] = []
        for totalCount in 1...70 {
            for lower in [-2, 0] {
                let total = lower..<(lower + totalCount)
                for visible in 1...24 {
                    for focus in 1...min(5, totalCount) {
                        let step = Viewport.pageStep(total: totalCount, visible: visible, focusCount: focus)
                        for stride in 1...3 {
                            var previous: Range<Int>?
                            for (window, shown) in Self.sweep(
                                total: total, visible: visible, focus: focus, stride: stride)
                            {
                                let full = shown.count == min(visible, totalCount)
                                let inside =
                                    shown.lowerBound >= total.lowerBound && shown.upperBound <= total.upperBound
                                let holds =
                                    focus > visible
                                    || (shown.contains(window.lowerBound) && shown.contains(window.upperBound - 1))
                                var jump = true
                                if let previous, previous != shown {
                                    moves += 1
                                    jump = shown.lowerBound - previous.lowerBound >= step
                                }
                                if !(full && inside && holds && jump) {
                                    faults.append("total \(total) visible \(visible) window \(window): \(shown)")
                                }
                                previous = shown
                            }
                        }
                    }
                }
            }
        }
        #expect(faults.prefix(5) == [])
        #expect(moves > 1000)
    }

    @Test(
        "a 3-wide kernel over 64 columns with 20 in view: the viewport stands still for 14 steps, then jumps by 14 or 15"
    )
    func kernelOverALargeInput() {
        let starts = Self.sweep(total: 0..<64, visible: 20, focus: 3, stride: 1).map(\.1.lowerBound)
        #expect(Viewport.pageStep(total: 64, visible: 20, focusCount: 3) == 14)
        // 44 positions of travel in ceil(44 / 18) = 3 jumps: pages start at 0, 14, 29 and 44.
        #expect(Array(Set(starts)).sorted() == [0, 14, 29, 44])
        #expect(starts.prefix(14).allSatisfy { $0 == 0 })
        #expect(starts[14] == 14)
    }

    @Test("a focus wider than the screen keeps its start in view; everything that fits is shown whole")
    func wideFocusAndSmallAxes() {
        let shown = Viewport.follow(total: 0..<40, visible: 5, focus: 12..<20)
        #expect(shown.contains(12))
        #expect(Viewport.follow(total: 0..<4, visible: 10, focus: 1..<2) == 0..<4)
        #expect(Viewport.follow(total: 0..<40, visible: 8, focus: 0..<0) == 0..<8)
        #expect(Viewport.follow(total: 0..<40, visible: 0, focus: 39..<40) == 39..<40)
    }
}
