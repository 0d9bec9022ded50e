import CNNCore
import CNNOracle
import Foundation

/// The PyTorch reference networks (`Fixtures/networks`, copied from the shared oracle).
enum NetworkFixtures {
    /// `Tests/CNNCoreTests/Fixtures/networks`.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/networks")

    /// One reference network: its name, input shape, layer string and PyTorch's results.
    struct Case {
        var name: String
        var input: NetworkShape
        var layers: String
        var expect: JSONValue
    }

    /// Every case of `networks` or `named_networks`.
    static func cases(_ file: String) throws -> [Case] {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(file).json"))
        let document = try JSONValue.parse(data)
        return (document["cases"]?.array ?? []).compactMap { value in
            guard let name = value["name"]?.string, let layers = value["layers"]?.string,
                let dims = value["input"]?.array?.compactMap(\.integer), dims.count == 3, let expect = value["expect"]
            else { return nil }
            return Case(
                name: name, input: .spatial(channels: dims[0], rows: dims[1], columns: dims[2]), layers: layers,
                expect: expect)
        }
    }

    /// Every case of both files.
    static func allCases() throws -> [Case] {
        try cases("networks") + cases("named_networks")
    }
}
