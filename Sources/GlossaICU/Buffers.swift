// The only place where output buffers are lent to ICU. Every wrapper in this module
// calls ICU through these helpers; no pointer leaves a closure.

/// Calls `fill` with an output buffer, growing it once when ICU reports the length it needs.
@inline(__always)
func icuUTF16Output(
    capacity hint: Int,
    context: @autoclosure () -> String,
    _ fill: (UnsafeMutablePointer<UInt16>, Int32, UnsafeMutablePointer<Int32>) -> Int32
) throws(ICUError) -> [UInt16] {
    var capacity = max(hint, 16)
    for _ in 0..<2 {
        var status: Int32 = 0
        var written: Int32 = 0
        let buffer = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
            written = fill(buffer.baseAddress!, Int32(capacity), &status)
            count = (status == 0 || status < 0) ? min(Int(written), capacity) : 0
        }
        if status == ICUError.bufferOverflow {
            capacity = Int(written) + 1
            continue
        }
        try ICUError.check(status, context())
        return buffer
    }
    throw ICUError(code: ICUError.bufferOverflow, context: context())
}

extension String {
    /// Lends this string's UTF-16 code units to `body`.
    @inline(__always)
    func withUTF16Units<R>(_ body: (UnsafePointer<UInt16>, Int32) throws(ICUError) -> R) throws(ICUError) -> R {
        try Array(self.utf16).withICUBuffer(body)
    }

    init(utf16Units units: [UInt16]) {
        self = String(decoding: units, as: UTF16.self)
    }
}

extension Array where Element == UInt16 {
    /// Lends these code units to `body` with a non-null base address, even when empty.
    @inline(__always)
    func withICUBuffer<R>(_ body: (UnsafePointer<UInt16>, Int32) throws(ICUError) -> R) throws(ICUError) -> R {
        if isEmpty {
            var zero: UInt16 = 0
            return try body(&zero, 0)
        }
        return try withUnsafeBufferPointer { b throws(ICUError) in try body(b.baseAddress!, Int32(b.count)) }
    }
}
