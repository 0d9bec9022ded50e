#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads environment variables without Foundation.
enum ProcessEnvironment {
    /// The value of `name`, or nil when it is not set.
    static func value(of name: String) -> String? {
        guard let pointer = getenv(name) else { return nil }
        return String(cString: pointer)
    }
}
