import CNNCore
import CNNOracle
import Testing

/// Every reference network of PyTorch's: shapes, parameters, multiplications, receptive field and jump.
@Suite("Network summary against PyTorch")
struct NetworkOracleTests {
    @Test("the 60 random networks match layer by layer")
    func randomNetworks() throws {
        let cases = try NetworkFixtures.cases("networks")
        #expect(cases.count == 60)
        var comparedFields = 0
        for reference in cases {
            let name = reference.name
            let summary = try NetworkSummary.make(input: reference.input, layers: reference.layers)
            let expect = reference.expect
            #expect(summary.output.dimensions == expect["output"]?.array?.compactMap(\.integer), "\(name) output")
            #expect(summary.params == expect["params"]?.integer, "\(name) params")
            #expect(summary.mults == expect["mults"]?.integer, "\(name) mults")
            let layers = expect["layers"]?.array ?? []
            #expect(summary.rows.count == layers.count, "\(name) layer count")
            for (row, want) in zip(summary.rows, layers) {
                #expect(row.text == want["layer"]?.string, "\(name) layer text")
                #expect(row.output.dimensions == want["output"]?.array?.compactMap(\.integer), "\(name) \(row.text)")
                #expect(row.params == want["params"]?.integer, "\(name) \(row.text) params")
                #expect(row.mults == want["mults"]?.integer, "\(name) \(row.text) mults")
            }
            let field = try #require(summary.lastSpatialField, "\(name) has no spatial layer")
            if let rf = expect["rf"]?.array?.compactMap(\.integer) {
                #expect([field.size.rows, field.size.columns] == rf, "\(name) rf")
                comparedFields += 1
            }
            let jump = expect["jump"]?.array?.compactMap(\.number) ?? []
            #expect(field.jump.map(\.value) == jump, "\(name) jump")
        }
        #expect(comparedFields >= 45)
    }

    @Test("LeNet-5, AlexNet, VGG-16 and ResNet-18: totals and the last spatial layer's field")
    func namedNetworks() throws {
        let cases = try NetworkFixtures.cases("named_networks")
        let fields = ["lenet5": 32, "alexnet": 195, "vgg16": 212, "resnet18": 435]
        #expect(Set(cases.map(\.name)) == Set(fields.keys))
        for reference in cases {
            let summary = try NetworkSummary.make(input: reference.input, layers: reference.layers)
            let expect = reference.expect
            #expect(summary.output.dimensions == expect["output"]?.array?.compactMap(\.integer), "\(reference.name)")
            #expect(summary.params == expect["params"]?.integer, "\(reference.name) params")
            #expect(summary.mults == expect["mults"]?.integer, "\(reference.name) mults")
            let size = expect["rf_last_spatial"]?.integer
            #expect(size == fields[reference.name])
            #expect(summary.lastSpatialField?.size == NetworkPair(size ?? 0), "\(reference.name) rf")
        }
    }

    @Test("ResNet-18 has torchvision's 11,689,512 parameters and a 435-cell field")
    func resNet18() throws {
        let resnet = try #require(try NetworkFixtures.cases("named_networks").first { $0.name == "resnet18" })
        let summary = try NetworkSummary.make(input: resnet.input, layers: resnet.layers)
        #expect(summary.params == 11_689_512)
        #expect(summary.parameterBytes == 46_758_048)
        #expect(summary.table().contains("Total parameters: 11,689,512"))
        #expect(summary.lastSpatialField?.jump == [NetworkRatio(32), NetworkRatio(32)])
    }
}
