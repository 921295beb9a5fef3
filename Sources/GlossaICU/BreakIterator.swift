internal import CICUShim

/// ICU's rule-based break iteration (UAX #29 word and sentence boundaries, with
/// locale tailoring such as `de@ss=standard` for abbreviation suppression).
///
/// One iterator owns one ICU handle; it is reusable across texts but not shareable
/// between threads (open one per thread).
public final class BreakIterator {
    public enum Kind: Int32, Sendable {
        case character = 0, word = 1, line = 2, sentence = 3
    }

    /// ICU's rule status ranges for word boundaries (`UWordBreak`).
    public enum WordStatus {
        /// Spaces, punctuation, symbols: 0..<100.
        public static let none = 0..<100
        public static let number = 100..<200
        public static let letter = 200..<300
        public static let kana = 300..<400
        public static let ideographic = 400..<500
    }

    public let kind: Kind
    public let locale: String
    private let handle: OpaquePointer

    /// Opens an iterator.
    /// - Throws: `ICUError` when ICU has no rules for `kind` (a missing data file).
    public init(_ kind: Kind, locale: String = "de") throws(ICUError) {
        var status: Int32 = 0
        var empty: UInt16 = 0
        guard let raw = cicu_break_open(kind.rawValue, locale, &empty, 0, &status) else {
            throw ICUError(code: status == 0 ? ICUError.illegalArgument : status, context: "opening \(kind) break iterator for \(locale)")
        }
        try ICUError.check(status, "opening \(kind) break iterator for \(locale)")
        handle = OpaquePointer(raw)
        self.kind = kind
        self.locale = locale
    }

    deinit { cicu_break_close(UnsafeMutableRawPointer(handle)) }

    /// Calls `body` for every boundary after the start of `units`, in order, with the
    /// boundary's UTF-16 offset and ICU's rule status for the segment ending there.
    /// The last boundary is `units.count`; an empty text has no boundaries.
    public func forEachBoundary(in units: [UInt16], _ body: (_ offset: Int, _ status: Int32) -> Void) {
        guard !units.isEmpty else { return }
        let raw = UnsafeMutableRawPointer(handle)
        units.withUnsafeBufferPointer { text in
            var status: Int32 = 0
            cicu_break_set_text(raw, text.baseAddress!, Int32(text.count), &status)
            guard status <= 0 else { return }
            while true {
                let next = cicu_break_next(raw)
                if next < 0 { break }
                body(Int(next), cicu_break_rule_status(raw))
            }
            // ICU keeps the text pointer: detach it before the buffer goes away.
            var empty: UInt16 = 0
            cicu_break_set_text(raw, &empty, 0, &status)
        }
    }

    /// Calls `body` with successive chunks of boundaries of `units` (offsets and ICU rule
    /// statuses, `count` valid entries each): the fast path for tokenizers, one call into ICU
    /// per 16k boundaries and no per-boundary closure.
    public func forEachBoundaryChunk(in units: [UInt16], _ body: (_ offsets: [Int32], _ statuses: [Int32], _ count: Int) -> Void) {
        forEachBoundaryChunk(in: units, range: 0..<units.count, body)
    }

    /// Calls `body` with successive chunks of the boundaries of `units[range]`, found as if
    /// that range were the whole text; offsets are into `units` (the last one is `range.upperBound`).
    /// Where `range` starts and ends at boundaries of the whole text that no rule looks across
    /// (after a line break, before a space that follows no space), they are the whole text's
    /// boundaries there.
    public func forEachBoundaryChunk(in units: [UInt16], range: Range<Int>,
                                     _ body: (_ offsets: [Int32], _ statuses: [Int32], _ count: Int) -> Void) {
        precondition(range.lowerBound >= 0 && range.upperBound <= units.count, "range outside the text")
        guard !range.isEmpty else { return }
        let raw = UnsafeMutableRawPointer(handle)
        let chunk = min(1 << 14, range.count)
        var offsetChunk = [Int32](repeating: 0, count: chunk)
        var statusChunk = [Int32](repeating: 0, count: chunk)
        let base = Int32(range.lowerBound)
        units.withUnsafeBufferPointer { text in
            var status: Int32 = 0
            cicu_break_set_text(raw, text.baseAddress! + range.lowerBound, Int32(range.count), &status)
            guard status <= 0 else { return }
            while true {
                let n = offsetChunk.withUnsafeMutableBufferPointer { o in
                    statusChunk.withUnsafeMutableBufferPointer { s in
                        Int(cicu_break_fill(raw, o.baseAddress!, s.baseAddress!, Int32(chunk)))
                    }
                }
                if n == 0 { break }
                if base != 0 {
                    for k in 0..<n { offsetChunk[k] &+= base }
                }
                body(offsetChunk, statusChunk, n)
            }
            var empty: UInt16 = 0
            cicu_break_set_text(raw, &empty, 0, &status)
        }
    }

    /// Counts the boundaries of `units`: the bare ICU loop, used as the benchmarks' yardstick.
    public func countBoundaries(in units: [UInt16]) -> Int {
        guard !units.isEmpty else { return 0 }
        let raw = UnsafeMutableRawPointer(handle)
        return units.withUnsafeBufferPointer { text in
            var status: Int32 = 0
            var count = 0
            cicu_break_set_text(raw, text.baseAddress!, Int32(text.count), &status)
            while cicu_break_next(raw) >= 0 {
                count &+= 1
                _ = cicu_break_rule_status(raw)
            }
            var empty: UInt16 = 0
            cicu_break_set_text(raw, &empty, 0, &status)
            return count
        }
    }

    /// All boundaries of `text` (convenience for tests and small inputs), as UTF-16 offsets.
    public func boundaries(of text: String) -> [(offset: Int, status: Int32)] {
        let units = Array(text.utf16)
        var result: [(offset: Int, status: Int32)] = []
        forEachBoundary(in: units) { result.append(($0, $1)) }
        return result
    }

    /// The segments of `text` between boundaries, as strings.
    public func segments(of text: String) -> [String] {
        let units = Array(text.utf16)
        var start = 0
        return boundaries(of: text).map { boundary in
            defer { start = boundary.offset }
            return String(decoding: units[start..<boundary.offset], as: UTF16.self)
        }
    }
}
