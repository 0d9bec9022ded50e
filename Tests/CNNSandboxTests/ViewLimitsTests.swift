import CNNCore
import Foundation
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

    @Test("the counted width equals the formatted width on 20,000 random values of every size")
    func formattedWidthRandom() {
        var state: UInt64 = 1
        for index in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            let exponent = Double(index % 17) - 6
            let sign: Double = index % 3 == 0 ? -1 : 1
            // Magnitudes from 1e-6 to 1e10, ties like 0.125 and 2.675, and image levels k/255.
            let value: Double =
                switch index % 4 {
                case 0: sign * unit * pow(10, exponent)
                case 1: sign * Double(Int(unit * 100_000)) / 1000
                case 2: Double(Int(unit * 256)) / 255
                default: sign * (Double(Int(unit * 1000)) + [0.125, 0.375, 0.005, 0.675, 0.5][index % 5])
                }
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
