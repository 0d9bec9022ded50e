import ArgumentParser
import CNNOracle
import Foundation

/// `cnnviz compute FILE`: runs oracle-format cases through the core and prints the results as JSON.
struct ComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Compute cases in the PyTorch reference format and print the results as JSON.",
        discussion: """
            FILE holds one case or {"cases": [...]} (see Sources/CNNOracle/FORMAT.md); \
            use - for standard input. Expected results in the file are ignored. Each case is printed \
            with its name and the computed fields (output, indices, grad_input, grad_weight, grad_bias, \
            output_size, mask), or an error that says why the core refused it. Exit status 2 when the \
            file cannot be read or is not in the format.
            """)

    @Argument(help: "A JSON file of cases, or - for standard input.")
    var file: String

    func run() throws {
        let data: Data
        do {
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            }
        } catch {
            throw CommandFailure.usage(
                "cnnviz compute: cannot read \(file): \((error as NSError).localizedDescription)")
        }
        do {
            let document = try JSONValue.parse(data)
            let result = try OracleRunner.runDocument(document)
            print(result.serialized())
        } catch let error as OracleFormatError {
            throw CommandFailure.usage("cnnviz compute: \(file): \(error.message)")
        }
    }
}
