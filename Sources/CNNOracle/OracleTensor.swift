import CNNCore

extension JSONValue {
    /// Reads the `shape` of `{"shape": [...], "data": [...]}`: whole numbers of at least 0 (no
    /// entry is dropped), at most `CoreLimits.maxElements` values in all.
    public func tensorShape(field: String) throws -> [Int] {
        guard case .object = self, let list = self["shape"]?.array, self["data"]?.array != nil else {
            throw OracleFormatError(message: "field '\(field)' should be {\"shape\": [...], \"data\": [...]}")
        }
        var shape: [Int] = []
        for (index, entry) in list.enumerated() {
            guard let size = entry.integer, size >= 0 else {
                throw OracleFormatError(
                    message:
                        "field '\(field)': shape entry \(index + 1) is \(entry.kind); give whole numbers of at least 0")
            }
            shape.append(size)
        }
        do {
            _ = try CoreLimits.elementCount(shape, of: "shape")
        } catch {
            throw OracleFormatError(message: "field '\(field)': \(error.message)")
        }
        return shape
    }

    /// Reads `{"shape": [...], "data": [...]}` as a tensor: its shape as `tensorShape`, its data
    /// numbers (or NaN/±Infinity), as many as the shape holds.
    public func tensor(field: String) throws -> Tensor {
        let shape = try tensorShape(field: field)
        let values = self["data"]?.array ?? []
        var data: [Double] = []
        data.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            guard let number = value.number else {
                throw OracleFormatError(
                    message: "field '\(field)': data entry \(index + 1) is \(value.kind); give numbers")
            }
            data.append(number)
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
