import CNNCore

extension JSONValue {
    /// Reads `{"shape": [...], "data": [...]}` as a tensor.
    public func tensor(field: String) throws -> Tensor {
        guard let shape = self["shape"]?.array?.compactMap(\.integer),
            let values = self["data"]?.array
        else {
            throw OracleFormatError(message: "field '\(field)' should be {\"shape\": [...], \"data\": [...]}")
        }
        let data = try values.map { value -> Double in
            guard let number = value.number else {
                throw OracleFormatError(message: "field '\(field)' has a non-numeric value in data")
            }
            return number
        }
        do {
            return try Tensor(shape: shape, data: data)
        } catch {
            throw OracleFormatError(message: "field '\(field)': \(error.message)")
        }
    }

    /// A tensor as `{"shape": [...], "data": [...]}`.
    public init(_ tensor: Tensor) {
        self = .object([
            "shape": .array(tensor.shape.map { .integer($0) }),
            "data": .array(tensor.data.map { .number($0) }),
        ])
    }
}
