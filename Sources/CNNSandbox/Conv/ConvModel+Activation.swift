import CNNCore

/// The activation after the convolution's sum (`activation: relu`, the `a` key): the output
/// panel shows `activation(out)`, computed cell by cell from the core's output and `Activation`,
/// so only the cells on screen are activated.
extension ConvModel {
    /// The key that switches the activation between none and ReLU.
    public static let activationKey: Character = "a"

    /// The value shown at an output cell: the core's sum, through the activation.
    public func shownValue(row: Int, column: Int) -> Double? {
        computation.map { activation.apply($0.value(row: row, column: column)) }
    }

    /// The activation of the value a step computes; nil without an activation or a computation.
    public func activationTrace(step: Int) -> ActivationTrace? {
        guard activation != .none, let computation, step >= 0, step < computation.stepCount else { return nil }
        let (row, column) = computation.position(ofStep: step)
        return activation.trace(computation.value(row: row, column: column))
    }

    /// The output panel's name: `out`, or the activation applied to it (`relu(out)`).
    public var outputName: String { activation == .none ? "output" : "\(activation.rawValue)(out)" }
}
