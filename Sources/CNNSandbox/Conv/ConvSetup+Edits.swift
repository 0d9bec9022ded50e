import CNNCore

extension ConvSetup {
    /// Applies a geometry or value edit (stride, padding, padding mode, dilation, kernel size,
    /// input size, preset, new random input). Returns false, changing nothing, for any other action.
    public mutating func applyEdit(_ action: ExploreAction) -> Bool {
        switch action {
        case .stride(let delta): changeStride(by: delta)
        case .padding(let delta): changePadding(by: delta)
        case .cyclePaddingMode: cyclePaddingMode()
        case .dilation(let delta): changeDilation(by: delta)
        case .kernelSize(let delta): changeKernelSize(by: delta)
        case .inputSize(let delta): changeInputSize(by: delta)
        case .cyclePreset: cyclePreset()
        case .newRandomInput: reseed()
        default: return false
        }
        return true
    }

    /// The kernel 1, 2, …, kH·kW (row-major): every tap distinct, so a scattered, flipped or
    /// matrix-placed kernel can be followed by eye (the lecture notes' K = [[1,2,3],[4,5,6],[7,8,9]]).
    public static func countingValues(count: Int) -> [Double] {
        (0..<count).map { Double($0 + 1) }
    }

    /// Small whole numbers 1…9 in reading order, repeating: an input whose cells can be told apart.
    public static func smallRampValues(count: Int) -> [Double] {
        (0..<count).map { Double($0 % 9 + 1) }
    }
}
