#if canImport(Glibc)
    import Glibc
#endif

/// Writes bytes to the terminal (standard output) with `write(2)`, all of them.
enum TerminalWrite {
    /// Writes `bytes` whole, resuming after interruptions and partial writes; stops quietly
    /// when the terminal is gone (the input side then reports the hang-up).
    static func all(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var written = 0
            while written < buffer.count {
                let result = write(STDOUT_FILENO, base + written, buffer.count - written)
                if result > 0 {
                    written += result
                } else if result < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
