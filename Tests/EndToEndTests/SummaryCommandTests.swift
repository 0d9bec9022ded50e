import Foundation
import Testing

/// `cnnviz summary` run as a user would: the table, --json, --csv, --markdown, --torch, @FILE, and refusals.
@Suite("cnnviz summary on the command line")
struct SummaryCommandTests {
    static let lenet = "conv5c6,maxpool2,conv5c16,maxpool2,conv5c120,flatten,fc84,fc10"

    static func cnnviz(_ arguments: [String]) throws -> SpawnedCommand.Result {
        try CommandLineTests.cnnviz(["summary"] + arguments)
    }

    /// A temporary file holding `text`, removed by the caller.
    static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cnnviz-summary-\(getpid())-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("the table: a row per layer, grouped totals, the last spatial layer's field")
    func table() throws {
        let result = try Self.cnnviz(["--input", "1x32x32", "--layers", Self.lenet])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Layer") == true)
        #expect(lines.contains { $0.hasPrefix("conv5c120") && $0.contains("120×1×1") && $0.contains("48,120") })
        #expect(lines.contains { $0.hasPrefix("fc10 ") && $0.contains("850") })
        #expect(lines.contains("Total parameters: 61,706"))
        #expect(lines.contains("Total multiplications: 416,520"))
        #expect(lines.contains("Receptive field of the last spatial layer: 32×32, jump 4×4"))
        #expect(lines.contains("Parameter memory (float32): 246,824 bytes (0.24 MiB)"))
    }

    @Test("residual blocks are indented with their body and | shortcut")
    func residualRows() throws {
        let result = try Self.cnnviz(["--input", "8x8", "--layers", "res(conv3s2p1c4,bn | conv1s2c4nobias,bn),relu"])
        #expect(result.status == 0)
        #expect(result.output.contains("\nres "))
        #expect(result.output.contains("\n  conv3s2p1c4 "))
        #expect(result.output.contains("\n  | conv1s2c4nobias "))
    }

    @Test("--json has the documented shape with plain integers")
    func json() throws {
        let result = try Self.cnnviz([
            "--input", "3x16x16", "--layers", "conv3s2p1c16,res(conv3p1,bn | conv1),up2,flatten,fc10", "--json",
        ])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["input"] as? [Int] == [3, 16, 16])
        #expect(object["output"] as? [Int] == [10])
        #expect(object["params"] as? Int == 448 + 2_320 + 32 + 272 + 40_970)
        let layers = try #require(object["layers"] as? [[String: Any]])
        #expect(
            layers.map { $0["layer"] as? String } == [
                "conv3s2p1c16", "res(conv3p1,bn | conv1)", "up2", "flatten", "fc10",
            ])
        #expect(layers[0]["output"] as? [Int] == [16, 8, 8])
        #expect(layers[0]["mults"] as? Int == 16 * 8 * 8 * 27)
        #expect(layers[0]["rf"] as? [Int] == [3, 3])
        #expect(layers[0]["jump"] as? [Int] == [2, 2])
        #expect(layers[0]["start"] as? [Int] == [0, 0])
        #expect((layers[1]["body"] as? [[String: Any]])?.count == 2)
        #expect((layers[1]["shortcut"] as? [[String: Any]])?.count == 1)
        #expect(layers[1]["rf"] as? [Int] == [7, 7])
        #expect(layers[2]["jump"] as? [Double] == [1, 1])
        #expect(layers[3]["rf"] is NSNull)
        #expect(layers[4]["jump"] is NSNull)
        #expect(!result.output.contains("40,970"))
    }

    @Test("--json reproduces PyTorch's numbers for every reference network")
    func jsonMatchesReferences() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CNNCoreTests/Fixtures/networks")
        var checked = 0
        for file in ["networks", "named_networks"] {
            let data = try Data(contentsOf: directory.appendingPathComponent("\(file).json"))
            let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for reference in try #require(document["cases"] as? [[String: Any]]) {
                let name = reference["name"] as? String ?? "?"
                let input = try #require(reference["input"] as? [Int]).map(String.init).joined(separator: "x")
                let layers = try #require(reference["layers"] as? String)
                let expect = try #require(reference["expect"] as? [String: Any])
                let result = try Self.cnnviz(["--input", input, "--layers", layers, "--json"])
                #expect(result.status == 0, "\(name): \(result.errorOutput)")
                let got = try #require(
                    try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
                #expect(got["output"] as? [Int] == expect["output"] as? [Int], "\(name)")
                #expect(got["params"] as? Int == expect["params"] as? Int, "\(name)")
                #expect(got["mults"] as? Int == expect["mults"] as? Int, "\(name)")
                if let rf = expect["rf"] as? [Int] { #expect(got["rf"] as? [Int] == rf, "\(name) rf") }
                if let rf = expect["rf_last_spatial"] as? Int { #expect(got["rf"] as? [Int] == [rf, rf], "\(name)") }
                if let jump = expect["jump"] as? [Double] { #expect(got["jump"] as? [Double] == jump, "\(name)") }
                let wantLayers = (expect["layers"] as? [[String: Any]]) ?? []
                let gotLayers = (got["layers"] as? [[String: Any]]) ?? []
                if !wantLayers.isEmpty {
                    #expect(gotLayers.map { $0["output"] as? [Int] } == wantLayers.map { $0["output"] as? [Int] })
                    #expect(gotLayers.map { $0["params"] as? Int } == wantLayers.map { $0["params"] as? Int })
                }
                checked += 1
            }
        }
        #expect(checked == 64)
    }

    @Test("the README's ResNet-18 example prints exactly the table shown there")
    func readmeExample() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Network summary").dropFirst().first)
        let blocks = section.components(separatedBy: "```")
        // blocks[1] is the sh block with the command, blocks[3] the table.
        #expect(blocks.count > 3)
        let command = blocks[1]
        let layers = try #require(command.components(separatedBy: "'").dropFirst().first)
        let table = blocks[3].trimmingCharacters(in: .newlines)
        let result = try Self.cnnviz(["--input", "3x224x224", "--layers", layers])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .newlines) == table)
        #expect(table.contains("Total parameters: 11,689,512"))
    }

    @Test("--csv: plain integers, a line per layer and part, and a total")
    func csv() throws {
        let result = try Self.cnnviz(["--input", "1x32x32", "--layers", "res(conv3p1),conv5c6", "--csv"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "depth,part,layer,output,params,mults,rf_rows,rf_cols,jump_rows,jump_cols,start_rows,start_cols")
        #expect(lines.contains("0,top,res(conv3p1),1x32x32,10,9216,3,3,1,1,0,0"))
        #expect(lines.contains("1,body,conv3p1,1x32x32,10,9216,3,3,1,1,0,0"))
        #expect(lines.contains("0,top,conv5c6,6x28x28,156,117600,7,7,1,1,2,2"))
        #expect(lines.last == "0,total,total,6x28x28,166,126816,,,,,,")
    }

    @Test("--markdown: a GitHub table with the totals below")
    func markdown() throws {
        let result = try Self.cnnviz(["--input", "1x32x32", "--layers", Self.lenet, "--markdown"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("| Layer | Output | Params | Mults | RF | Jump | Start |\n| --- |"))
        #expect(result.output.contains("| fc84 | 84 | 10,164 | 10,080 | - | - | - |"))
        #expect(result.output.contains("- Total parameters: 61,706"))
    }

    @Test("--torch prints Python that defines model")
    func torch() throws {
        let result = try Self.cnnviz(["--input", "3x8x8", "--layers", "res(conv3p1,bn),gap,fc2", "--torch"])
        #expect(result.status == 0)
        #expect(result.output.contains("class Residual(nn.Module):"))
        #expect(result.output.contains("model = nn.Sequential("))
        #expect(result.output.contains("nn.BatchNorm2d(3),  # bn"))
        #expect(result.output.contains("nn.Linear(3, 2, bias=True),  # fc2"))
    }

    @Test("--layers @FILE reads a multi-line string; its errors give file:line:column")
    func layerFile() throws {
        let good = try Self.file("conv5c6,maxpool2,\nconv5c16,maxpool2,\nconv5c120,flatten,fc84,fc10\n")
        defer { try? FileManager.default.removeItem(at: good) }
        let result = try Self.cnnviz(["--input", "1x32x32", "--layers", "@\(good.path)"])
        #expect(result.status == 0)
        #expect(result.output.contains("Total parameters: 61,706"))
        let bad = try Self.file("conv5c6,\n  maxpool2q\n")
        defer { try? FileManager.default.removeItem(at: bad) }
        let refused = try Self.cnnviz(["--input", "1x32x32", "--layers", "@\(bad.path)"])
        #expect(refused.status == 2)
        #expect(refused.errorOutput.hasPrefix("\(bad.path):2:11: 'maxpool2q': 'q' is not a setting of maxpool"))
        #expect(refused.errorOutput.split(separator: "\n").count == 1)
    }

    @Test("a missing file, a directory and a huge file are refused in one line, exit 2")
    func layerFileRefusals() throws {
        let missing = try Self.cnnviz(["--input", "8x8", "--layers", "@/nonexistent/layers.txt"])
        #expect(missing.status == 2)
        #expect(missing.errorOutput == "/nonexistent/layers.txt:1:1: cannot read the layer file: it does not exist\n")
        let directory = FileManager.default.temporaryDirectory.path
        let folder = try Self.cnnviz(["--input", "8x8", "--layers", "@\(directory)"])
        #expect(folder.status == 2)
        #expect(folder.errorOutput.contains("it is a directory"))
        let huge = try Self.file(String(repeating: "relu,", count: 250_000))
        defer { try? FileManager.default.removeItem(at: huge) }
        let big = try Self.cnnviz(["--input", "8x8", "--layers", "@\(huge.path)"])
        #expect(big.status == 2)
        #expect(big.errorOutput.contains("larger than 1048576 bytes"))
    }

    @Test(
        "bad strings and impossible shapes: one line with the column, exit 2",
        arguments: [
            ("conv3,,relu", "column 7: empty layer"),
            ("conv3q", "column 6: 'conv3q': 'q' is not a setting of conv"),
            ("res(conv3", "column 4: 'res(' at column 1 is never closed"),
            ("conv3,fc10", "column 7: 'fc10': a fully connected layer needs a flat or C×1×1 input"),
            ("res(conv3s2p1c8)", "column 1: residual block: the body gives 8×4×4"),
            ("relu,conv9", "column 6: 'conv9': the window spans 9 rows but the input has only 8"),
        ])
    func refusals(_ layers: String, _ message: String) throws {
        let result = try Self.cnnviz(["--input", "8x8", "--layers", layers])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errorOutput.hasPrefix("cnnviz summary: --layers: \(message)"), "\(result.errorOutput)")
        #expect(result.errorOutput.split(separator: "\n").count == 1)
    }

    @Test("a bad --input and two formats at once are refused, exit 2")
    func badInput() throws {
        for input in ["0x8x8", "8", "3x8x8x8", "ax8"] {
            let result = try Self.cnnviz(["--input", input, "--layers", "relu"])
            #expect(result.status == 2, "\(input)")
            #expect(result.errorOutput.hasPrefix("cnnviz summary: --input: "), "\(input)")
        }
        let both = try Self.cnnviz(["--input", "8x8", "--layers", "relu", "--json", "--csv"])
        #expect(both.status == 2)
    }
}
