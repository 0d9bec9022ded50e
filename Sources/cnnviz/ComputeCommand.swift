import ArgumentParser
import CNNFiles
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
            data = try Data(ComputeCommand.read(file))
        } catch {
            throw CommandFailure.usage("cnnviz compute: \(error)")
        }
        do {
            let document = try JSONValue.parse(data)
            let result = try OracleRunner.runDocument(document)
            print(result.serialized())
        } catch let error as OracleFormatError {
            throw CommandFailure.usage("cnnviz compute: \(file): \(error.message)")
        }
    }

    /// The file's bytes (standard input for `-`), at most `UserFile.defaultLimit`.
    static func read(_ file: String) throws(UserFileError) -> [UInt8] {
        guard file == "-" else { return try UserFile.read(path: file) }
        let limit = UserFile.defaultLimit
        let bytes = [UInt8]((try? FileHandle.standardInput.read(upToCount: limit + 1)) ?? Data())
        guard bytes.count <= limit else { throw .tooLarge(path: "standard input", size: bytes.count, limit: limit) }
        return bytes
    }
}
