import ArgumentParser
import CNNCore
import Foundation

/// `cnnviz summary --input CxHxW --layers SPEC`: the layer arithmetic of a whole network.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Shapes, parameters, multiplications and receptive fields of a whole network.",
        discussion: """
            SPEC is the layer language, e.g. conv7s2p3c64nobias,bn,relu,maxpool3s2p1,\
            res(conv3p1nobias,bn,relu,conv3p1nobias,bn),relu,gap,flatten,fc1000 (see README, \
            "Network summary"); @FILE reads it from a file (newlines allowed). The table shows each \
            layer's output, parameters, multiplications, and its output cells' receptive field, jump \
            and start in input cells. Exit status 2 for a bad string or shapes that do not add up, \
            with the column (file:line:column for @FILE).
            """)

    /// The longest layer file read.
    static let maximumFileBytes = 1 << 20

    @Option(name: .long, help: "The input shape: CxHxW, or HxW for one channel, e.g. 3x224x224.")
    var input: String

    @Option(name: .long, help: "The layers, or @FILE to read them from a file.")
    var layers: String

    @Flag(name: .long, help: "Print JSON with plain integers.")
    var json = false

    @Flag(name: .long, help: "Print CSV with plain integers.")
    var csv = false

    @Flag(name: .long, help: "Print a Markdown table.")
    var markdown = false

    @Flag(name: .long, help: "Print runnable PyTorch code that defines the same network as `model`.")
    var torch = false

    func run() throws {
        let formats = [json, csv, markdown, torch].filter { $0 }.count
        guard formats <= 1 else {
            throw CommandFailure.usage("cnnviz summary: give at most one of --json, --csv, --markdown and --torch")
        }
        let shape: NetworkShape
        switch SummaryInput.parse(input) {
        case .success(let parsed): shape = parsed
        case .failure(let problem): throw CommandFailure.usage("cnnviz summary: --input: \(problem.message)")
        }
        let (text, file) = try layerText()
        let summary: NetworkSummary
        let nodes: [NetworkNode]
        do {
            nodes = try NetworkParser.parse(text)
            summary = try NetworkSummary.make(input: shape, nodes: nodes)
        } catch {
            if let file {
                let (line, column) = error.lineAndColumn(in: text)
                throw CommandFailure.usage("\(file):\(line):\(column): \(error.problem)")
            }
            throw CommandFailure.usage("cnnviz summary: --layers: \(error.description)")
        }
        if json {
            print(summary.json())
        } else if csv {
            print(summary.csv())
        } else if markdown {
            print(summary.markdown())
        } else if torch {
            print(summary.torchCode(layers: nodes), terminator: "")
        } else {
            print(summary.table())
        }
    }

    /// The layer string, and the file it came from for `@FILE`.
    func layerText() throws -> (String, String?) {
        guard layers.hasPrefix("@") else { return (layers, nil) }
        let path = String(layers.dropFirst())
        switch SummaryInput.readLayerFile(path, limit: Self.maximumFileBytes) {
        case .success(let text): return (text, path)
        case .failure(let problem): throw CommandFailure.usage("\(path):1:1: \(problem.message)")
        }
    }
}

/// A refusal of a command-line value, as one line.
struct SummaryProblem: Error {
    let message: String
}

/// Reading `--input` and `--layers @FILE`.
enum SummaryInput {
    /// `CxHxW` or `HxW` (one channel), each a whole number 1…1,000,000; `x`, `X` or `×` between them.
    static func parse(_ text: String) -> Result<NetworkShape, SummaryProblem> {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { "xX×".contains($0) })
        let example = "write CxHxW or HxW, e.g. 3x224x224 or 28x28"
        guard parts.count == 2 || parts.count == 3 else {
            return .failure(SummaryProblem(message: "'\(text)' has \(parts.count) part(s); \(example)"))
        }
        var values: [Int] = []
        for part in parts {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard trimmed.count <= 7, let value = Int(trimmed), (1...1_000_000).contains(value) else {
                return .failure(
                    SummaryProblem(
                        message: "'\(trimmed)' in '\(text)' is not a whole number from 1 to 1,000,000; \(example)"))
            }
            values.append(value)
        }
        if values.count == 2 { values.insert(1, at: 0) }
        return .success(.spatial(channels: values[0], rows: values[1], columns: values[2]))
    }

    /// The text of a layer file of at most `limit` bytes, or why it cannot be read.
    static func readLayerFile(_ path: String, limit: Int) -> Result<String, SummaryProblem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(SummaryProblem(message: "cannot read the layer file: it does not exist"))
        }
        guard !isDirectory.boolValue else {
            return .failure(SummaryProblem(message: "cannot read the layer file: it is a directory; give a file"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(SummaryProblem(message: "cannot read the layer file: permission denied or not readable"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            return .failure(SummaryProblem(message: "cannot read the layer file: \(error.localizedDescription)"))
        }
        guard data.count <= limit else {
            return .failure(
                SummaryProblem(message: "the layer file is larger than \(limit) bytes; a layer string is far shorter"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(SummaryProblem(message: "the layer file is not UTF-8 text"))
        }
        return .success(text)
    }
}
