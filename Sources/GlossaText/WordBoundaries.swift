public import GlossaICU

/// Receives word segments in text order: `units[start..<end]` and ICU's rule status for it.
protocol WordSegmentSink {
    mutating func segment(_ start: Int, _ end: Int, _ status: Int32)
    /// Whether the fast path may leave out segments made only of spaces (Word_Break WSegSpace)
    /// or of one line break (CR, LF, CR LF, or another Newline character); default false. ICU's
    /// segments are all fed, white space included.
    static var skipsWhiteSpace: Bool { get }
}

extension WordSegmentSink {
    static var skipsWhiteSpace: Bool { false }
}

/// Word boundaries exactly as ICU's word break iterator finds them (UAX #29, "Unicode Text
/// Segmentation", with ICU 72's rules `word.txt`, locale "de"), with the same rule statuses
/// (≥ 200 letters, 100..<200 numbers, 0 anything else), found without ICU where the text allows.
///
/// The fast path is a small state machine over a table of Word_Break classes
/// (`WordBreakTable`: Latin, Greek, Cyrillic, combining marks, general punctuation and common
/// symbols). It implements the rules these characters can meet: WB3 (CR × LF), WB3a and WB3b
/// (breaks around line breaks), WB3d (runs of spaces), WB4 (Extend and Format characters
/// attach to what precedes them, the soft hyphen for example), WB5–WB13b (letters, digits,
/// connectors, and the middle characters of "can't", "U.S.A", "3.5", "1,000.5", "10'000"), WB999,
/// and ICU's tailorings: "@" counts as a letter (an e-mail address is one segment) and a colon
/// does not join letters ("ab:cd" is three segments). A rule status is ICU's: 200 when the
/// segment's last letter, digit or connector is a letter, 100 when a digit, and for a final
/// connector ("_") that of what precedes it (100 after a digit, 200 after a letter or connector,
/// 0 alone), but 0 when Extend or Format characters follow the connector (ICU's rules WB13a/b
/// end at the connector, and the rule that attaches what follows has no status).
///
/// Where the fast path meets a character outside its table (another script, an emoji, a zero
/// width joiner, a regional indicator...), it hands ICU the stretch from the start of the
/// current segment to the next line break, or to the next space after at least 256 further code
/// units: places where no rule looks across, so that ICU finds there what it finds in the whole
/// text. The fast path is used only with ICU 72 and only when its table agrees with ICU's
/// Word_Break data (checked once per process); the tests compare both paths on generated text and
/// on every character of the table in context, and a differential test on a 52 MB corpus.
///
/// One instance owns an ICU break iterator: use one per thread.
public final class WordBoundaries {
    private let icu: BreakIterator
    /// Whether this instance uses the fast path (otherwise ICU segments all text).
    public let usesFastPath: Bool

    /// How the last text was segmented.
    public struct Statistics: Sendable, Hashable {
        /// Code units segmented by the fast path.
        public var fastUnits = 0
        /// Code units segmented by ICU, and in how many stretches.
        public var icuUnits = 0
        public var icuStretches = 0
    }

    /// How the last text given to this instance was segmented.
    public private(set) var statistics = Statistics()

    /// Whether the fast path may be used with the ICU of this process: ICU 72 (the version whose
    /// rules it reproduces) whose Word_Break data agrees with `WordBreakTable` on every entry.
    public static let fastPathAvailable: Bool = {
        guard ICUText.icuVersion.split(separator: ".").first == "72" else { return false }
        for (first, last, wordBreak) in WordBreakTable.ranges {
            for u in first...last {
                let property = WordBreakProperty(of: UInt32(u))
                if WordBreakClass(icuProperty: property.rawValue, codePoint: UInt32(u)) != wordBreak { return false }
            }
        }
        return true
    }()

    /// - Parameter fastPath: false to have ICU segment all text (for comparisons).
    /// - Throws: `ICUError` when ICU's word break data cannot be loaded.
    public init(fastPath: Bool = true) throws(ICUError) {
        icu = try BreakIterator(.word, locale: "de")
        usesFastPath = fastPath && Self.fastPathAvailable
    }

    /// Calls `body` for every segment of `units` in order, with its UTF-16 range and ICU's rule
    /// status; the segments cover the text without gaps (white space included).
    public func forEachSegment(in units: [UInt16], _ body: (_ start: Int, _ end: Int, _ status: Int32) -> Void) {
        struct Forward: WordSegmentSink {
            let body: (Int, Int, Int32) -> Void
            mutating func segment(_ start: Int, _ end: Int, _ status: Int32) { body(start, end, status) }
        }
        withoutActuallyEscaping(body) { body in
            var sink = Forward(body: body)
            segments(of: units, into: &sink)
        }
    }

    /// All boundaries of `units` after its start, as ICU's `BreakIterator.boundaries(of:)` gives them.
    public func boundaries(of units: [UInt16]) -> [(offset: Int, status: Int32)] {
        var result: [(offset: Int, status: Int32)] = []
        forEachSegment(in: units) { _, end, status in result.append((end, status)) }
        return result
    }

    /// The boundaries that the fast path alone finds in `units`, or nil when the text has a
    /// character outside its table (for tests: no ICU involved).
    public static func fastPathBoundaries(of units: [UInt16]) -> [(offset: Int, status: Int32)]? {
        struct Collect: WordSegmentSink {
            var result: [(offset: Int, status: Int32)] = []
            mutating func segment(_ start: Int, _ end: Int, _ status: Int32) { result.append((end, status)) }
        }
        var sink = Collect()
        let (stop, _) = scan(units, from: 0, to: units.count, limit: Int.max, into: &sink)
        return stop == units.count ? sink.result : nil
    }

    /// How far the segmentation of one text has come, for segmenting it in installments.
    struct Progress {
        /// Everything before it is segmented; it is a boundary.
        var position = 0
        /// The stretches that ICU segmented so far, in order. Every code unit outside them is in
        /// `WordBreakTable` (so, for example, surrogates lie only inside them).
        var icuStretches: [Range<Int>] = []
        var statistics = Statistics()
    }

    /// Feeds all segments of `units` to `sink`.
    /// - Returns: the stretches that ICU segmented (see `Progress.icuStretches`).
    @discardableResult
    func segments<Sink: WordSegmentSink>(of units: [UInt16], into sink: inout Sink) -> [Range<Int>] {
        var progress = Progress()
        continueSegments(of: units, &progress, into: &sink, atLeast: Int.max)
        return progress.icuStretches
    }

    /// Feeds the next segments of `units` to `sink`, from `progress.position` on: at least
    /// `count` of them (fewer only at the end of the text), by the fast path and, for the
    /// stretches it cannot take, ICU. `statistics` then describes the text up to the new position.
    func continueSegments<Sink: WordSegmentSink>(of units: [UInt16], _ progress: inout Progress, into sink: inout Sink, atLeast count: Int) {
        defer { statistics = progress.statistics }
        let end = units.count
        var wanted = count
        guard usesFastPath else {
            // ICU alone, in stretches of 64k code units or a little more, ended where no rule looks across.
            while progress.position < end && wanted > 0 {
                let start = progress.position
                let cut = start + (1 << 16) < end ? Self.stretchEnd(units, after: start + (1 << 16), spacesFrom: start + (1 << 16)) : end
                wanted -= icuSegments(units, start..<cut, into: &sink)
                progress.icuStretches.append(start..<cut)
                progress.statistics.icuUnits += cut - start
                progress.statistics.icuStretches += 1
                progress.position = cut
            }
            return
        }
        while progress.position < end && wanted > 0 {
            let start = progress.position
            let (stop, unsupported) = Self.scan(units, from: start, to: end, limit: wanted, into: &sink)
            progress.statistics.fastUnits += stop - start
            progress.position = stop
            if stop == end || unsupported < 0 { break }
            let cut = Self.stretchEnd(units, after: unsupported, spacesFrom: unsupported + 256)
            wanted -= icuSegments(units, stop..<cut, into: &sink)
            progress.icuStretches.append(stop..<cut)
            progress.statistics.icuUnits += cut - stop
            progress.statistics.icuStretches += 1
            progress.position = cut
            // (Segments the fast path fed before stopping are not subtracted: `wanted` is a lower bound.)
        }
    }

    /// Feeds ICU's segments of `units[range]` to `sink`; returns how many.
    @discardableResult
    private func icuSegments<Sink: WordSegmentSink>(_ units: [UInt16], _ range: Range<Int>, into sink: inout Sink) -> Int {
        var start = range.lowerBound
        var fed = 0
        icu.forEachBoundaryChunk(in: units, range: range) { offsets, statuses, count in
            for k in 0..<count {
                let end = Int(offsets[k])
                sink.segment(start, end, statuses[k])
                start = end
            }
            fed += count
        }
        return fed
    }

    /// Where a stretch that ICU segments ends, given a position inside it (for the fast path, the
    /// unit it does not handle): after the next line break (WB3a: always a boundary, and no rule
    /// looks back across it), or before a space that follows no space at `spacesFrom` or later
    /// (WB3d is the only rule that joins anything to a space, and no rule looks ahead across
    /// one), or the text's end.
    static func stretchEnd(_ units: [UInt16], after position: Int, spacesFrom: Int) -> Int {
        let end = units.count
        var q = position + 1
        while q < end {
            let previous = units[q - 1]
            switch previous {
            case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: return q
            case 0x0D where units[q] != 0x0A: return q
            default: break
            }
            if q >= spacesFrom && units[q] == 0x20 && !isWSegSpace(previous) { return q }
            q += 1
        }
        return end
    }

    /// Whether a code unit has Word_Break WSegSpace (all of them are in the BMP).
    static func isWSegSpace(_ u: UInt16) -> Bool {
        switch u {
        case 0x20, 0x1680, 0x2000...0x2006, 0x2008...0x200A, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The fast path: segments `units[from...]` until `to`, until it has fed `limit` segments to
    /// `sink`, or until the first segment that involves a unit outside `WordBreakTable`. Returns
    /// where it stopped (a boundary: `to`, the end of the last segment fed, or the start of the
    /// segment it cannot take) and the position of the unit that stopped it (-1 when it stopped
    /// at the limit). Nothing carries over from one segment to the next, so the scan may stop
    /// and resume at any boundary.
    static func scan<Sink: WordSegmentSink>(_ units: [UInt16], from: Int, to end: Int, limit: Int, into sink: inout Sink) -> (stop: Int, unsupported: Int) {
        let classes = WordBreakTable.classes
        var i = from
        var fed = 0
        while i < end {
            if fed == limit { return (i, -1) }
            let start = i
            let first = classes[Int(units[i])]
            i += 1
            if first.isWordPart {
                // WB5–WB13b: letters, digits and connectors stay together; WB4 skips Extend and Format.
                var last = first
                /// The letter, digit or connector before `last`; `other` when there is none.
                var beforeLast = WordBreakClass.other
                /// Whether Extend or Format characters follow `last`.
                var extended = false
                while i < end {
                    let next = classes[Int(units[i])]
                    if next.isWordPart {
                        beforeLast = last
                        last = next
                        extended = false
                        i += 1
                        continue
                    }
                    if next == .extend {
                        extended = true
                        i += 1
                        continue
                    }
                    // WB6, WB7 (letter, MidLetter or MidNumLet, letter) and WB11, WB12 (digit,
                    // MidNum or MidNumLet, digit): look past the middle character and its extends.
                    let joins: Bool
                    switch next {
                    case .midLetter: joins = last == .aLetter
                    case .midNum: joins = last == .numeric
                    case .midNumLet: joins = last == .aLetter || last == .numeric
                    case .unsupported: return (start, i)
                    default: joins = false
                    }
                    if !joins { break }
                    var k = i + 1
                    while k < end && classes[Int(units[k])] == .extend { k += 1 }
                    if k == end { break }
                    let after = classes[Int(units[k])]
                    if after == last {
                        beforeLast = last
                        extended = false
                        i = k + 1
                        continue
                    }
                    if after == .unsupported { return (start, k) }
                    break
                }
                let status: Int32
                if last == .aLetter {
                    status = 200
                } else if last == .numeric {
                    status = 100
                } else if extended || beforeLast == .other {
                    status = 0  // "_", and "a_" with a combining mark or soft hyphen after the connector
                } else if beforeLast == .numeric {
                    status = 100  // "1_" (WB13a)
                } else {
                    status = 200  // "a_", "__"
                }
                sink.segment(start, i, status)
                fed &+= 1
                continue
            }
            switch first {
            case .wSegSpace:
                // WB3d: a run of spaces is one segment.
                while i < end && classes[Int(units[i])] == .wSegSpace { i += 1 }
                if Sink.skipsWhiteSpace {
                    // Left out unless Extend or Format characters follow (or a unit ICU must see).
                    if i == end { continue }
                    let next = classes[Int(units[i])]
                    if next != .extend && next != .unsupported { continue }
                }
            case .cr:
                // WB3, WB3a: CR LF is one segment, and nothing attaches to a line break.
                if i < end && units[i] == 0x0A { i += 1 }
                if Sink.skipsWhiteSpace { continue }
                sink.segment(start, i, 0)
                fed &+= 1
                continue
            case .lf, .newline:
                if Sink.skipsWhiteSpace { continue }
                sink.segment(start, i, 0)
                fed &+= 1
                continue
            case .unsupported:
                return (start, start)
            default:
                break
            }
            // WB4: Extend and Format characters attach to what precedes them (at the start of the
            // text or after a line break they form a segment of their own).
            while i < end {
                let next = classes[Int(units[i])]
                if next == .extend {
                    i += 1
                    continue
                }
                if next == .unsupported { return (start, i) }
                break
            }
            sink.segment(start, i, 0)
            fed &+= 1
        }
        return (end, end)
    }
}
