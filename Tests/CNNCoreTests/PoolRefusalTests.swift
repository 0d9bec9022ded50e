import CNNCore
import Testing

@Suite("pooling refuses what PyTorch refuses, saying what would work")
struct PoolRefusalTests {
    /// The message of the refusal, or nil when the layer was built.
    static func refusal(_ parameters: PoolParameters, kind: PoolKind = .max, shape: [Int] = [1, 1, 6, 6]) -> String? {
        do {
            _ = try PoolLayer(kind: kind, inputShape: shape, parameters: parameters)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("padding more than half the window")
    func paddingTooLarge() throws {
        let message = try #require(Self.refusal(PoolParameters(kernel: [3, 3], padding: [2, 2]), kind: .average))
        #expect(
            message
                == "padding: 2×2 is more than half the 3×3 window (at most 1×1); lower the padding or enlarge the window"
        )
    }

    @Test("max pooling measures the half against the dilated window")
    func paddingAgainstDilatedWindow() throws {
        // 3 taps at dilation 2 span 5 cells: padding 2 is allowed for max…
        #expect(Self.refusal(PoolParameters(kernel: [3, 3], padding: [2, 2], dilation: [2, 2]), kind: .max) == nil)
        // …but not 3.
        let message = try #require(
            Self.refusal(PoolParameters(kernel: [3, 3], padding: [3, 3], dilation: [2, 2]), kind: .max))
        #expect(message.contains("spans 5×5"))
        #expect(message.contains("at most 2×2"))
    }

    @Test("an output with no cells")
    func outputTooSmall() throws {
        let message = try #require(
            Self.refusal(PoolParameters(kernel: [3, 4], stride: [1, 1], padding: [1, 0]), shape: [1, 3, 5, 3]))
        #expect(message.contains("the output would be 5×0"))
        #expect(message.hasSuffix("use a smaller window or a larger input"))
        // Width 3 with a window of 4 at stride 2: ceil mode would give one output, so it is offered.
        let ceilHint = try #require(
            Self.refusal(PoolParameters(kernel: [4, 4], stride: [2, 2]), shape: [1, 1, 3, 3]))
        #expect(ceilHint.hasSuffix("use a smaller window, ceil mode or a larger input"))
    }

    @Test("zero or negative sizes name the parameter")
    func nonPositiveParameters() {
        #expect(Self.refusal(PoolParameters(kernel: [0, 2]))?.hasPrefix("kernel: must be at least 1, got 0") == true)
        #expect(
            Self.refusal(PoolParameters(kernel: [2, 2], stride: [2, 0]))?.hasPrefix("stride: must be at least 1, got 0")
                == true)
        #expect(
            Self.refusal(PoolParameters(kernel: [2, 2], dilation: [0, 1]))?.hasPrefix(
                "dilation: must be at least 1, got 0") == true)
        #expect(
            Self.refusal(PoolParameters(kernel: [2, 2], padding: [-1, 0])) == "padding: must be 0 or more, got -1")
        #expect(
            Self.refusal(PoolParameters(kernel: [2])) == "kernel: gives 1 values for 2 spatial axes; give one per axis")
    }

    @Test("average pooling has no dilation")
    func averageWithDilation() {
        #expect(
            Self.refusal(PoolParameters(kernel: [2, 2], dilation: [2, 2]), kind: .average)
                == "dilation: average pooling has no dilation, got 2×2; use 1×1 or max pooling")
    }

    @Test("the input must be N×C×H×W")
    func inputRank() throws {
        let message = try #require(Self.refusal(PoolParameters(kernel: [2, 2]), shape: [1, 6, 6]))
        #expect(message.contains("needs an N×C×H×W input (4 dimensions), got 1×6×6"))
        #expect(throws: CNNError.self) { try globalPool(.average, Tensor(shape: [6, 6])) }
    }

    @Test("forward refuses an input of another shape than the layer's")
    func forwardShapeMismatch() throws {
        let layer = try PoolLayer(kind: .max, inputShape: [1, 1, 4, 4], parameters: PoolParameters(kernel: [2, 2]))
        #expect(
            throws: CNNError.invalidShape(
                "input shape 1×1×5×5 differs from the layer's 1×1×4×4; build the layer for this input")
        ) {
            try layer.forward(Tensor(shape: [1, 1, 5, 5]))
        }
    }
}
