import CNNImage
import Testing

@Suite struct PNGTests {
    @Test func greyEightBit() throws {
        let png = TinyPNG.encode(width: 3, height: 1, colorType: .grey, bitDepth: 8, rows: [[0, 128, 255]])
        let image = try ImageFile.decode(png)
        #expect(image.width == 3 && image.channels == 1 && image.maxValue == 255 && image.samples == [0, 128, 255])
    }

    @Test func greySixteenBitKeepsItsPrecision() throws {
        let png = TinyPNG.encode(width: 2, height: 1, colorType: .grey, bitDepth: 16, rows: [[0x12, 0x34, 0xFF, 0xFF]])
        let image = try ImageFile.decode(png)
        #expect(image.maxValue == 65535 && image.samples == [0x1234, 0xFFFF])
        #expect(image.tensor(.unit).data[1] == 1)
    }

    @Test func greyOneBitExpandsToEight() throws {
        let png = TinyPNG.encode(width: 4, height: 1, colorType: .grey, bitDepth: 1, rows: [[0b1010_0000]])
        #expect(try ImageFile.decode(png).samples == [255, 0, 255, 0])
    }

    @Test func greyAlphaDropsAlpha() throws {
        let png = TinyPNG.encode(width: 2, height: 1, colorType: .greyAlpha, bitDepth: 8, rows: [[10, 0, 20, 255]])
        let image = try ImageFile.decode(png)
        #expect(image.channels == 1 && image.samples == [10, 20])
    }

    @Test func rgbAndRGBA() throws {
        let rgb = TinyPNG.encode(width: 2, height: 1, colorType: .rgb, bitDepth: 8, rows: [[255, 0, 0, 0, 0, 255]])
        let image = try ImageFile.decode(rgb)
        #expect(image.channels == 3 && image.samples == [255, 0, 0, 0, 0, 255])
        #expect(abs(image.luminanceTensor(.byte).data[0] - 0.299 * 255) < 1e-9)
        let rgba = TinyPNG.encode(
            width: 1, height: 2, colorType: .rgba, bitDepth: 8, rows: [[1, 2, 3, 4], [5, 6, 7, 8]])
        #expect(try ImageFile.decode(rgba).samples == [1, 2, 3, 5, 6, 7])
        let deep = TinyPNG.encode(width: 1, height: 1, colorType: .rgb, bitDepth: 16, rows: [[0, 1, 0, 2, 0xFF, 0xFF]])
        #expect(try ImageFile.decode(deep).samples == [1, 2, 65535])
    }

    @Test func paletteIsExpandedToRGB() throws {
        let png = TinyPNG.encode(
            width: 3, height: 1, colorType: .palette, bitDepth: 8, rows: [[1, 0, 1]], palette: [9, 8, 7, 50, 60, 70])
        let image = try ImageFile.decode(png)
        #expect(image.channels == 3 && image.samples == [50, 60, 70, 9, 8, 7, 50, 60, 70])
    }

    @Test func interlacedImagesAreReassembled() throws {
        let rows: [[UInt8]] = (0..<11).map { (y: Int) -> [UInt8] in
            (0..<13).flatMap { (x: Int) -> [UInt8] in [UInt8(x * 16 + y), UInt8(y), UInt8(x)] }
        }
        let png = TinyPNG.encodeInterlaced(width: 13, height: 11, colorType: .rgb, bytesPerPixel: 3, rows: rows)
        let image = try ImageFile.decode(png)
        #expect(image.width == 13 && image.height == 11 && image.channels == 3)
        #expect(image.samples == rows.flatMap { $0 }.map(UInt16.init))
    }

    @Test func corruptTruncatedAndHugeFilesAreRefused() {
        let good = TinyPNG.encode(width: 2, height: 2, colorType: .grey, bitDepth: 8, rows: [[1, 2], [3, 4]])
        var corrupt = good
        corrupt[corrupt.count - 20] ^= 0xFF  // inside IDAT: its CRC no longer matches
        expectRefusal(corrupt, containing: "corrupt PNG")
        expectRefusal(Array(good.prefix(40)), containing: "truncated data")
        let huge = TinyPNG.encode(width: 5000, height: 10, colorType: .grey, bitDepth: 8, rows: [])
        expectRefusal(huge, containing: "image is 5000×10 pixels; the limit is 4096×4096")
        let zero = TinyPNG.encode(width: 0, height: 10, colorType: .grey, bitDepth: 8, rows: [])
        expectRefusal(zero, containing: "corrupt PNG")
    }
}

@Suite struct JPEGTests {
    @Test func greyRamp() throws {
        let image = try ImageFile.decode(ImageTestFiles.fixture("grey-8x8.jpg"))
        #expect(image.width == 8 && image.height == 8 && image.channels == 1 && image.maxValue == 255)
        let row = Array(image.samples.prefix(8)).map(Int.init)
        #expect(zip(row, stride(from: 0, to: 256, by: 32)).allSatisfy { abs($0 - $1) <= 6 })
    }

    @Test func colourHalves() throws {
        let image = try ImageFile.decode(ImageTestFiles.fixture("rgb-16x8.jpg"))
        #expect(image.width == 16 && image.height == 8 && image.channels == 3)
        let left = image.samples[(3 * 16 * 4 + 2 * 3)..<(3 * 16 * 4 + 2 * 3 + 3)].map(Int.init)
        let right = image.samples[(3 * 16 * 4 + 13 * 3)..<(3 * 16 * 4 + 13 * 3 + 3)].map(Int.init)
        #expect(left[0] > 200 && left[2] < 60, "left half is red: \(left)")
        #expect(right[2] > 200 && right[0] < 60, "right half is blue: \(right)")
    }

    @Test func adobeCMYKBecomesRGB() throws {
        let image = try ImageFile.decode(ImageTestFiles.fixture("cmyk-8x8.jpg"))
        #expect(image.channels == 3 && image.width == 8)
        let top = image.samples[(3 * 8)..<(3 * 8 + 3)].map(Int.init)
        let bottom = image.samples[(3 * 8 * 6)..<(3 * 8 * 6 + 3)].map(Int.init)
        #expect(top[0] > 200 && top[1] < 60 && top[2] < 60, "top half is red: \(top)")
        #expect(bottom[2] > 200 && bottom[0] < 60, "bottom half is blue: \(bottom)")
    }

    @Test func progressive() throws {
        let image = try ImageFile.decode(ImageTestFiles.fixture("progressive-8x8.jpg"))
        #expect(image.width == 8 && Int(image.samples[7]) > 200)
    }

    @Test func truncatedAndCorruptJPEGsAreRefused() {
        let good = ImageTestFiles.fixture("grey-8x8.jpg")
        expectRefusal(Array(good.prefix(good.count / 2)), containing: "corrupt JPEG")
        expectRefusal(Array(good.prefix(20)), containing: "corrupt JPEG")
        expectRefusal(
            withSize(good, width: 5000, height: 8), containing: "image is 5000×8 pixels; the limit is 4096×4096")
        expectRefusal(withSize(good, width: 8, height: 0), containing: "corrupt JPEG")
        var scrambled = good
        for index in 150..<min(good.count - 2, 260) { scrambled[index] = 0xFF }
        expectRefusal(scrambled, containing: "corrupt JPEG")
    }
}

/// The JPEG with the size in its start-of-frame segment (FF C0) replaced.
private func withSize(_ jpeg: [UInt8], width: Int, height: Int) -> [UInt8] {
    guard let marker = (0..<(jpeg.count - 9)).first(where: { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 }) else {
        return []
    }
    var copy = jpeg
    copy[marker + 5] = UInt8(height >> 8)
    copy[marker + 6] = UInt8(height & 0xFF)
    copy[marker + 7] = UInt8(width >> 8)
    copy[marker + 8] = UInt8(width & 0xFF)
    return copy
}

/// Expects decoding to fail with a message containing the text.
func expectRefusal(_ bytes: [UInt8], containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        let image = try ImageFile.decode(bytes)
        Issue.record(
            "decoded a \(image.width)×\(image.height) image; expected '\(text)'", sourceLocation: sourceLocation)
    } catch {
        #expect(error.message.contains(text), "\(error.message)", sourceLocation: sourceLocation)
    }
}
