extension Settings {
    /// The rows or columns an input may have (`--input`, `setup.input`, `values:`).
    public static let inputSizes = 1...4096
    /// The rows or columns a kernel or pooling window may have (`--kernel`, `weights:`).
    public static let kernelSizes = 1...15
    /// The channels, kernels or groups a view may have (`--in-channels`, `--out-channels`, `--groups`).
    public static let channelCounts = 1...16
}
