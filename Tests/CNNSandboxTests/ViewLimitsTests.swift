import CNNCore
import Testing

@testable import CNNSandbox

/// The bounds views check before their work, and the summary's fast width count.
@Suite("View limits")
struct ViewLimitsTests {
    @Test("the counted width of a value is the width of its formatted text")
    func formattedWidth() {
        let values: [Double] = [
            0, -0.0, 1, -1, 9, 10, -10, 99, 12345, -999_999, 9_999_999, 1e7, 0.5, -0.33, 1e12, .nan, .infinity,
        ]
        for value in values {
            #expect(ValueSummary.formattedWidth(value) == NumberText.format(value).count, "\(value)")
        }
    }

    @Test("pictures and work over the limits are refused with the numbers; those within pass")
    func limits() throws {
        try ViewLimits.checkPicture(rows: 724, columns: 724, of: "output", in: "transpose", change: "", limit: 1 << 19)
        #expect(throws: CNNError.self) {
            try ViewLimits.checkPicture(
                rows: 725, columns: 725, of: "output", in: "transpose", change: "", limit: 1 << 19)
        }
        #expect(throws: CNNError.self) { try ViewLimits.checkWork([1 << 40, 1 << 40], in: "channels", change: "") }
        try ViewLimits.checkWork([16, 128, 128, 16, 3, 3], in: "channels", change: "")
    }
}
