import CNNCore
import CNNOracle
import Foundation
import Testing

/// The PyTorch reference vectors, copied into the test fixtures so a fresh clone needs nothing beside it.
enum OracleFixtures {
    /// `Tests/CNNCoreTests/Fixtures/oracle`.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/oracle")

    /// Every case of one fixture file (e.g. `conv2d`).
    static func cases(_ file: String) throws -> [JSONValue] {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(file).json"))
        return try OracleRunner.cases(in: try JSONValue.parse(data))
    }

    /// The fields of the format that hold results.
    static let resultFields = ["output", "indices", "grad_input", "grad_weight", "grad_bias", "output_size", "mask"]

    /// Runs every case of a file through the core and compares each result field with
    /// PyTorch's (absolute tolerance 1e-9; indices and masks exactly). Returns the number of cases checked.
    @discardableResult
    static func checkFile(_ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let cases = try cases(file)
        #expect(cases.count > 0, "no cases in \(file)", sourceLocation: sourceLocation)
        for expected in cases {
            let name = expected["name"]?.string ?? "?"
            let computed = try OracleRunner.run(expected)
            if let message = expected["error"]?.string {
                let refusal = computed["error"]?.string
                #expect(
                    refusal != nil, "\(name): PyTorch refuses (\(message)) but the core computed a result",
                    sourceLocation: sourceLocation)
                if let refusal {
                    #expect(
                        refusal.count > 20, "\(name): refusal too terse: \(refusal)", sourceLocation: sourceLocation)
                }
                continue
            }
            #expect(
                computed["error"] == nil, "\(name): core refused: \(computed["error"]?.string ?? "")",
                sourceLocation: sourceLocation)
            var compared = 0
            for field in resultFields {
                guard let want = expected[field] else { continue }
                compared += 1
                guard let got = computed[field] else {
                    Issue.record("\(name): missing result '\(field)'", sourceLocation: sourceLocation)
                    continue
                }
                let exact = field == "indices" || field == "mask" || field == "output_size"
                compare(got, want, exact: exact, context: "\(name).\(field)", sourceLocation: sourceLocation)
            }
            #expect(compared > 0, "\(name): no result fields to compare", sourceLocation: sourceLocation)
        }
        return cases.count
    }

    /// Compares tensors or integer lists.
    static func compare(
        _ got: JSONValue, _ want: JSONValue, exact: Bool, context: String, sourceLocation: SourceLocation
    ) {
        if let wantList = want.array, want["shape"] == nil {
            #expect(
                got.array?.map(\.number) == wantList.map(\.number),
                "\(context): \(got.serialized()) != \(want.serialized())", sourceLocation: sourceLocation)
            return
        }
        do {
            let g = try got.tensor(field: context)
            let w = try want.tensor(field: context)
            #expect(g.shape == w.shape, "\(context): shape \(g.shape) != \(w.shape)", sourceLocation: sourceLocation)
            guard g.shape == w.shape else { return }
            for i in 0..<w.count {
                let ok = exact ? g.data[i] == w.data[i] : close(g.data[i], w.data[i])
                if !ok {
                    Issue.record("\(context)[\(i)]: \(g.data[i]) != \(w.data[i])", sourceLocation: sourceLocation)
                    return
                }
            }
        } catch {
            Issue.record("\(context): \(error)", sourceLocation: sourceLocation)
        }
    }

    /// Equal within 1e-9, or both NaN, or equal infinities.
    static func close(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a.isInfinite || b.isInfinite { return a == b }
        return abs(a - b) <= 1e-9
    }
}
