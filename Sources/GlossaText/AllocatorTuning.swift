import CAllocator

/// Process-wide settings of the C allocator for Glossa's large buffers.
public enum AllocatorTuning {
    /// Keeps freed large buffers in the process for reuse, instead of glibc's default of
    /// unmapping them and mapping fresh (zeroed, page-faulting) memory for the next document.
    ///
    /// Annotating a large input allocates and frees buffers of several megabytes per piece
    /// (token arrays, output bytes). By default glibc serves such blocks with `mmap` until its
    /// adaptive threshold has grown, and gives freed memory at the top of the heap back to the
    /// system above 128 KB: measured on the 52 MB benchmark corpus with the Ding glossary, about
    /// 600,000 page faults and a second of system time per run, a quarter of the run.
    /// Served from the heap (blocks up to 32 MB, the largest threshold glibc accepts) and kept
    /// up to 256 MB, the same run takes about 160,000 faults. Peak memory rises by a few percent.
    ///
    /// Call once at process start, before threads are started. Returns false (and changes
    /// nothing) where the C library is not glibc.
    @discardableResult
    public static func keepLargeBuffers() -> Bool {
        glossa_set_allocator_thresholds(32 << 20, 256 << 20) == 1
    }
}
