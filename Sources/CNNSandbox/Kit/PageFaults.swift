#if canImport(Glibc)
    import Glibc
#endif

/// Asks the system to map the pages of a large buffer that is about to be written in one call
/// rather than one page fault at a time (Linux's `MADV_POPULATE_WRITE`): for the 128 MB of a
/// 4096×4096 input the faults are most of the cost. Only a hint: elsewhere, or on a kernel
/// without it, nothing happens and the writes fault the pages in as usual.
enum PageFaults {
    /// Buffers smaller than this (1 MB) are left to the usual faults.
    static let smallestPrefaulted = 1 << 20

    /// Maps the whole pages inside `buffer` for writing, ahead of the writes.
    static func prefault(_ buffer: UnsafeMutableBufferPointer<Double>) {
        #if os(Linux)
            guard let base = buffer.baseAddress else { return }
            let bytes = buffer.count * MemoryLayout<Double>.stride
            guard bytes >= smallestPrefaulted else { return }
            let page = UInt(max(4096, sysconf(Int32(_SC_PAGESIZE))))
            let start = (UInt(bitPattern: base) + page - 1) / page * page
            let end = (UInt(bitPattern: base) + UInt(bytes)) / page * page
            guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
            // MADV_POPULATE_WRITE (Linux 5.14); an older kernel answers EINVAL, which changes nothing.
            let populateWrite: Int32 = 23
            _ = madvise(pointer, Int(end - start), populateWrite)
        #endif
    }
}
