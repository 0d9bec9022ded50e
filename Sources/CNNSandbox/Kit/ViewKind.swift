/// What names a view: `cnnviz explore --view NAME`, a scene's `view:`, the title bar.
public struct ViewKind: Hashable, Sendable, CustomStringConvertible {
    /// The name typed by users (`conv`, `1d`).
    public let name: String
    /// The title bar's name for it (`convolution`).
    public let title: String
    /// A short description for `--help` and the README.
    public let summary: String

    /// Declares a view's names.
    public init(name: String, title: String, summary: String) {
        self.name = name
        self.title = title
        self.summary = summary
    }

    public var description: String { name }
}
