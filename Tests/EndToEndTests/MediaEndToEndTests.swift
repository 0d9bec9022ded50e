import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue 13 from the command line: `--image`, `--values`/`--weights`, `--format`, `--torch`.
@Suite("Images, values, formats and PyTorch on the command line")
struct MediaEndToEndTests {
    static let shapes = Repository.url("Samples/shapes.pgm").path

    static func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cnnviz-media-\(getpid())-\(name)")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("--image: the conv view shows the image as a picture with its scale; the pool and stack views take it too")
    func image() throws {
        let conv = try CommandLineTests.cnnviz([
            "explore", "--image", Self.shapes, "--image-range", "255", "--preset", "sobel-x", "--frame", "1887",
        ])
        #expect(conv.status == 0)
        #expect(conv.output.contains("input 48×96  1 cell = 4×8 pixels  0…255"))
        #expect(conv.output.contains("= -336"))
        let pool = try CommandLineTests.cnnviz(["explore", "--view", "pool", "--image", Self.shapes, "--frame", "1"])
        #expect(pool.status == 0 && pool.output.contains("input 48×96"))
        let stack = try CommandLineTests.cnnviz(["explore", "--view", "stack", "--image", Self.shapes, "--frame", "1"])
        #expect(stack.status == 0 && stack.output.contains("on 1×48×96"))
        let colour = Repository.url("Samples/shapes.ppm").path
        let channels = try CommandLineTests.cnnviz([
            "explore", "--view", "channels", "--image", colour, "--frame", "1", "--size", "100x30",
        ])
        #expect(channels.status == 0 && channels.output.contains("C_in 3"))
    }

    @Test("a bad image is one line naming the file and the problem, exit 2")
    func badImages() throws {
        let huge = try Self.temporaryFile("huge.pgm", Array("P5\n5000 10\n255\n".utf8))
        let text = try Self.temporaryFile("notes.pgm", Array("hello".utf8))
        let cases: [([String], String)] = [
            (["--image", "/nonexistent/photo.pgm"], "--image: /nonexistent/photo.pgm: no such file"),
            (
                ["--image", huge],
                "--image: \(huge): image is 5000×10 pixels; the limit is 4096×4096 (scale it down first)"
            ),
            (["--image", text], "--image: \(text): unknown image format (the file starts with bytes 68 65 6C 6C)"),
            (
                ["--image", Self.shapes, "--input", "5"],
                "--image: the image (48x96, rows×columns): 48 rows of 96 numbers do not match input 5x5"
            ),
            (
                ["--image", Self.shapes, "--view", "1d"],
                "--image: the 1d view takes no image; use conv, pool, channels or stack"
            ),
            (["--image", Self.shapes, "--values", "1 2"], "--image: give either --image or --values, not both"),
        ]
        for (arguments, message) in cases {
            let result = try CommandLineTests.cnnviz(["explore"] + arguments + ["--frame", "1"])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.errorOutput.hasPrefix("cnnviz explore: \(message)"), "\(result.errorOutput)")
            #expect(result.errorOutput.split(separator: "\n").count == 1)
        }
    }

    @Test("--values and --weights in the scene text syntax or @file, checked against the shapes")
    func values() throws {
        let good = try CommandLineTests.cnnviz([
            "explore", "--values", "0 1 2; 3 4 5; 6 7 8", "--weights", "0 1; 2 3", "--frame", "4",
        ])
        #expect(good.status == 0)
        #expect(good.output.contains("4×0 + 5×1 + 7×2 + 8×3 = 43"))
        let csv = try Self.temporaryFile("values.csv", Array("0,1,2\n3,4,5\n6,7,8\n".utf8))
        let fromFile = try CommandLineTests.cnnviz([
            "explore", "--values", "@\(csv)", "--weights", "0 1; 2 3", "--frame", "4",
        ])
        #expect(fromFile.output.contains("= 43"))
        let cases: [([String], String)] = [
            (
                ["--values", "0 1 2; 3 4"],
                "--values: row 2 has 2 numbers, the first row has 3; every row needs the same count"
            ),
            (
                ["--input", "4", "--values", "1 2; 3 4"],
                "--values: 2 rows of 2 numbers do not match input 4x4; give 4 rows of 4 numbers or change input"
            ),
            (
                ["--kernel", "3", "--weights", "1 0; 0 1"],
                "--weights: 2 rows of 2 numbers do not match kernel 3x3; give 3 rows of 3 numbers or change kernel"
            ),
            (["--view", "pool", "--weights", "1"], "--weights: the pool view has no kernel weights; remove weights"),
            (["--values", "@/nonexistent.csv"], "--values: /nonexistent.csv: no such file"),
        ]
        for (arguments, message) in cases {
            let result = try CommandLineTests.cnnviz(["explore"] + arguments + ["--frame", "1"])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.errorOutput.hasPrefix("cnnviz explore: \(message)"), "\(result.errorOutput)")
        }
    }

    @Test("--format ansi keeps colours, html and svg are self-contained, the svg parses as XML")
    func formats() throws {
        let seed = [
            "--input", "3", "--kernel", "2", "--fill", "ramp", "--preset", "ramp", "--frame", "2", "--size", "60x16",
        ]
        for format in ["ansi", "html", "svg"] {
            let result = try CommandLineTests.cnnviz(["explore"] + seed + ["--format", format])
            #expect(result.status == 0)
            GoldenText.check(
                result.output, named: "explore-seed-step2.\(format)", in: Repository.url("Tests/CNNRenderTests/Golden"))
        }
        let ansi = try CommandLineTests.cnnviz(["explore"] + seed + ["--format", "ansi"])
        let plain = ansi.output.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(ansi.output.contains("\u{1B}[") && plain.contains("1×0 + 2×1 + 4×2 + 5×3 = 25"))
        let svg = try CommandLineTests.cnnviz(["tutorial", "--frame", "6:2", "--format", "svg"])
        #expect(svg.status == 0)
        #expect(XMLParser(data: Data(svg.output.utf8)).parse(), "the tutorial's svg frame is not well-formed XML")
        let html = try CommandLineTests.cnnviz(["tutorial", "--frame", "6:2", "--format", "html"])
        #expect(html.output.contains("<pre") && !html.output.contains("<link") && !html.output.contains("src="))
        let bad = try CommandLineTests.cnnviz(["explore", "--frame", "1", "--format", "pdf"])
        #expect(bad.status == 2)
        #expect(
            bad.errorOutput == "cnnviz explore: --format: unknown format 'pdf'; choose one of text, ansi, html, svg\n")
    }

    @Test("--torch prints the functional call and the module; a view without one is refused")
    func torch() throws {
        let result = try CommandLineTests.cnnviz(["explore", "--view", "pool", "--pool", "avg", "--torch"])
        #expect(result.status == 0)
        #expect(result.output.contains("y = F.avg_pool2d(x, kernel_size=(2, 2), stride=(2, 2), padding=(0, 0)"))
        #expect(result.output.contains("pool = nn.AvgPool2d("))
        let transposed = try CommandLineTests.cnnviz(["explore", "--view", "transpose", "--torch"])
        #expect(transposed.output.contains("nn.ConvTranspose2d("))
        let oneD = try CommandLineTests.cnnviz(["explore", "--view", "1d", "--torch"])
        #expect(oneD.output.contains("F.conv1d(") && oneD.output.contains("nn.Conv1d("))
        let stack = try CommandLineTests.cnnviz(["explore", "--view", "stack", "--torch"])
        #expect(stack.status == 2)
        #expect(stack.errorOutput.hasPrefix("cnnviz explore: --torch: the stack view has no single PyTorch call"))
    }
}
