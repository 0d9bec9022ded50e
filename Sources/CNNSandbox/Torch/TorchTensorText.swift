import CNNCore

/// A tensor written as Python for PyTorch: `torch.tensor([...], dtype=torch.float64).reshape(…)`,
/// exact (each number round-trips), or a `torch.rand` stand-in of the same shape when it holds
/// more than `TorchTensorText.largest` values (an image: the code stays readable).
enum TorchTensorText {
    /// The most values written out.
    static let largest = 4096

    /// `name = torch.tensor(...)` with a comment.
    static func assignment(_ name: String, _ tensor: Tensor, comment: String) -> String {
        let shape = tensor.shape.map(String.init).joined(separator: ", ")
        guard tensor.data.count <= largest else {
            return
                "\(name) = torch.rand(\(shape), dtype=torch.float64)  # \(comment): \(tensor.data.count) values, a stand-in; load your own"
        }
        let numbers = tensor.data.map(number).joined(separator: ", ")
        return "\(name) = torch.tensor([\(numbers)], dtype=torch.float64).reshape(\(shape))  # \(comment)"
    }

    /// A number as Python reads it back exactly.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) + ".0" : "\(value)"
    }

    /// `(2, 3)` for a list of per-axis numbers.
    static func tuple(_ values: [Int]) -> String {
        values.count == 1 ? "\(values[0])" : "(" + values.map(String.init).joined(separator: ", ") + ")"
    }
}
