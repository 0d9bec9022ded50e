import CNNImage
import Testing

/// Damaged files never crash the reader: every byte-flipped or cut copy of a good file either
/// decodes to a valid image or is refused with a one-line message.
@Suite struct MutatedFileTests {
    private static func sources() -> [(String, [UInt8])] {
        let png = TinyPNG.encode(
            width: 5, height: 3, colorType: .rgb, bitDepth: 8, rows: Array(repeating: Array(0..<15), count: 3))
        let pgm = Array("P5\n# c\n4 3\n255\n".utf8) + Array(0..<12)
        let plain = Array("P3 2 2 255\n1 2 3 4 5 6\n7 8 9 10 11 12\n".utf8)
        return [
            ("png", png), ("pgm", pgm), ("plain", plain), ("jpeg", ImageTestFiles.fixture("grey-8x8.jpg")),
            ("progressive", ImageTestFiles.fixture("progressive-8x8.jpg")),
        ]
    }

    @Test(arguments: 0..<5)
    func flippedAndCutCopiesNeverCrash(source: Int) {
        let (name, good) = Self.sources()[source]
        #expect(good.count > 10, "\(name) fixture is there")
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(source)
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var refused = 0
        for round in 0..<300 {
            var bytes = good
            for _ in 0...(round % 4) { bytes[next(bytes.count)] = UInt8(next(256)) }
            if round % 3 == 0 { bytes = Array(bytes.prefix(next(bytes.count) + 1)) }
            do {
                let image = try ImageFile.decode(bytes)
                #expect(image.samples.count == image.width * image.height * image.channels)
            } catch {
                refused += 1
                #expect(!error.message.isEmpty && !error.message.contains("\n"))
            }
        }
        #expect(refused > 0, "\(name): some damage must be noticed")
    }
}
