import CNNImage
import Foundation
import Testing

/// The images in `Samples/` (made by `Scripts/make-sample-images.py`) load, and each PNG
/// holds the same pixels as its Netpbm twin.
@Suite struct SampleImagesTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")

    private func load(_ name: String) throws -> RasterImage {
        try ImageFile.load(Self.samples.appendingPathComponent(name).path)
    }

    @Test(arguments: ["shapes", "text", "gradient"])
    func pngMatchesNetpbm(name: String) throws {
        let netpbm = try load(name + (name == "shapes" ? ".ppm" : ".pgm"))
        let png = try load(name + ".png")
        #expect(netpbm == png)
        #expect(netpbm.width >= 32 && netpbm.height >= 16)
    }

    @Test func shapesAreColourAndTheirGreyTwinIsTheLuminance() throws {
        let colour = try load("shapes.ppm")
        let grey = try load("shapes.pgm")
        #expect(colour.channels == 3 && grey.channels == 1)
        #expect(zip(colour.luminance, grey.samples).allSatisfy { abs($0 - Double($1)) <= 0.5 })
    }

    @Test func gradientRisesLeftToRight() throws {
        let image = try load("gradient.pgm")
        let top = Array(image.samples.prefix(image.width))
        #expect(top.first == 0 && top.last == 255)
        #expect(zip(top, top.dropFirst()).allSatisfy { $0 <= $1 })
    }
}
