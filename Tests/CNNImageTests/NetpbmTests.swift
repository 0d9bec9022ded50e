import CNNImage
import Testing

@Suite struct NetpbmTests {
    @Test func plainBitmapWithCommentsReadsOneAsBlack() throws {
        let image = try ImageFile.decode(Array("P1\n# a comment\n3 2\n1 0 1\n010\n".utf8))
        #expect(image.width == 3 && image.height == 2 && image.channels == 1 && image.maxValue == 1)
        #expect(image.samples == [0, 1, 0, 1, 0, 1])
    }

    @Test func plainGreyAndColour() throws {
        let grey = try ImageFile.decode(Array("P2 2 2 10 0 5 10 # end\n 3".utf8))
        #expect(grey.samples == [0, 5, 10, 3] && grey.maxValue == 10)
        #expect(zip(grey.luminanceTensor(.unit).data, [0, 0.5, 1, 0.3]).allSatisfy { abs($0 - $1) < 1e-12 })
        let colour = try ImageFile.decode(Array("P3 2 1 255\n255 0 0  0 0 255\n".utf8))
        #expect(colour.channels == 3)
        #expect(colour.tensor(.unit).shape == [1, 3, 1, 2])
        #expect(colour.tensor(.byte).data == [255, 0, 0, 0, 0, 255])
        let luminance = colour.luminance
        #expect(abs(luminance[0] - 0.299 * 255) < 1e-9 && abs(luminance[1] - 0.114 * 255) < 1e-9)
    }

    @Test func rawBitmapPacksRowsToBytes() throws {
        // 10 wide: two bytes per row; bits 1011 0000 01.. -> black white black black ...
        let bytes = Array("P4\n10 1\n".utf8) + [0b1011_0000, 0b0100_0000]
        let image = try ImageFile.decode(bytes)
        #expect(image.samples == [0, 1, 0, 0, 1, 1, 1, 1, 1, 0])
    }

    @Test func rawGreyEightAndSixteenBit() throws {
        let eight = try ImageFile.decode(Array("P5 2 1 255\n".utf8) + [0, 255])
        #expect(eight.tensor(.unit).data == [0, 1])
        let sixteen = try ImageFile.decode(Array("P5 2 1 65535\n".utf8) + [0x80, 0x00, 0xFF, 0xFF])
        #expect(sixteen.samples == [32768, 65535])
        #expect(sixteen.luminanceTensor(.byte).data[1] == 255)
    }

    @Test func rawColour() throws {
        let image = try ImageFile.decode(Array("P6 1 2 255\n".utf8) + [10, 20, 30, 40, 50, 60])
        #expect(image.channels == 3 && image.plane(2) == [30, 60])
    }

    @Test(arguments: [
        ("P7 1 1 255\n", "unknown image format (the file starts with bytes 50 37 20 31); expected Netpbm (P1–P6)"),
        ("P5 0 3 255\n", "image size is 0×3"),
        ("P5 5000 5000 255\n", "image is 5000×5000 pixels; the limit is 4096×4096"),
        ("P5 99999999999 2 255\n", "the width is larger than"),
        ("P5 2 2 0\n", "bad maximum value 0"),
        ("P5 2 2 70000\n", "bad maximum value 70000"),
        ("P5 2 2 255\n\u{1}\u{2}", "truncated data: 2 of 4 raster bytes"),
        ("P2 2 2 255\n1 2 3  ", "truncated data: 3 of 4 samples"),
        ("P2 2 2 255\n1 2 3", "truncated data: 6 bytes cannot hold 4 samples"),
        ("P1 4000 4000\n0101", "truncated data: 5 bytes cannot hold 16000000 samples"),
        ("P2 1 1 9\n10", "sample 10 is above the maximum value 9"),
        ("P2 x 1 9\n", "expected the width"),
        ("P1 2 1\n1 2", "expected a bit (0 or 1)"),
        ("P5 2", "truncated data: the file ends before the height"),
    ])
    func badHeadersAndDataAreRefusedWithAReason(text: String, expected: String) {
        #expect {
            _ = try ImageFile.decode(Array(text.utf8))
        } throws: { error in
            guard let error = error as? ImageError else { return false }
            return error.message.contains(expected)
        }
    }

    @Test func plainErrorsNameLineAndColumn() {
        let files = ImageTestFiles()
        let path = files.write("bad.pgm", text: "P2\n2 1\n255\n1 300\n")
        #expect(
            throws: ImageError(file: path, line: 4, column: 3, problem: "sample 300 is above the maximum value 255")
        ) {
            _ = try ImageFile.load(path)
        }
        #expect(ImageError(file: "a.pgm", line: 4, column: 3, problem: "x").message == "a.pgm:4:3: x")
    }
}
