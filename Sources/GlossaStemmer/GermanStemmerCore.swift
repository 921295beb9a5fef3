// The algorithm itself, on a span of Unicode code points: bytes for Latin-1 words (all German
// words; on the stack for all but the longest), `UInt32` otherwise; the functions are generic
// over the element type and compare code points as UInt32.
//
// Everything here works with plain integer comparisons on a `MutableSpan` passed `inout` and
// plain (bounds-checked) indexing: no String, no Character, no allocation, no unsafe code.
// The word is edited in place; the suffix steps only ever shorten it, so "deleting" a suffix is
// just lowering `n`.

/// Code points used by the algorithm. `U` and `Y` are the algorithm's markers for a `u`/`y`
/// between vowels (treated as a consonant); input words are lower-case, so they cannot clash.
enum CP {
    static let a: UInt32 = 0x61, b: UInt32 = 0x62, c: UInt32 = 0x63, d: UInt32 = 0x64
    static let e: UInt32 = 0x65, f: UInt32 = 0x66, g: UInt32 = 0x67, h: UInt32 = 0x68
    static let i: UInt32 = 0x69, k: UInt32 = 0x6B, l: UInt32 = 0x6C, m: UInt32 = 0x6D
    static let n: UInt32 = 0x6E, o: UInt32 = 0x6F, p: UInt32 = 0x70, q: UInt32 = 0x71
    static let r: UInt32 = 0x72, s: UInt32 = 0x73, t: UInt32 = 0x74, u: UInt32 = 0x75
    static let y: UInt32 = 0x79, z: UInt32 = 0x7A
    static let markedU: UInt32 = 0x55  // "U"
    static let markedY: UInt32 = 0x59  // "Y"
    static let aUmlaut: UInt32 = 0xE4  // ä
    static let oUmlaut: UInt32 = 0xF6  // ö
    static let uUmlaut: UInt32 = 0xFC  // ü
}

/// The endings the algorithm looks for, packed for `GermanStemmer.endsWith`: one byte per
/// letter, the last letter in the lowest byte (so "en" is 0x65_6E). Each is its name spelled
/// out; a test checks every one against its name.
enum Ending {
    static let erinnen: UInt64 = 0x65_72_69_6E_6E_65_6E
    static let geordn: UInt64 = 0x67_65_6F_72_64_6E
    static let intern: UInt64 = 0x69_6E_74_65_72_6E
    static let erin: UInt64 = 0x65_72_69_6E
    static let heit: UInt64 = 0x68_65_69_74
    static let isch: UInt64 = 0x69_73_63_68
    static let keit: UInt64 = 0x6B_65_69_74
    static let lich: UInt64 = 0x6C_69_63_68
    static let niss: UInt64 = 0x6E_69_73_73
    static let plan: UInt64 = 0x70_6C_61_6E
    static let syst: UInt64 = 0x73_79_73_74
    static let tick: UInt64 = 0x74_69_63_6B
    static let end: UInt64 = 0x65_6E_64
    static let ern: UInt64 = 0x65_72_6E
    static let est: UInt64 = 0x65_73_74
    static let lns: UInt64 = 0x6C_6E_73
    static let ung: UInt64 = 0x75_6E_67
    static let em: UInt64 = 0x65_6D
    static let en: UInt64 = 0x65_6E
    static let er: UInt64 = 0x65_72
    static let es: UInt64 = 0x65_73
    static let ig: UInt64 = 0x69_67
    static let ik: UInt64 = 0x69_6B
    static let ln: UInt64 = 0x6C_6E
    static let tr: UInt64 = 0x74_72
    static let e: UInt64 = 0x65
    static let s: UInt64 = 0x73

    static let all: [(name: String, packed: UInt64)] = [
        ("erinnen", erinnen),
        ("geordn", geordn),
        ("intern", intern),
        ("erin", erin),
        ("heit", heit),
        ("isch", isch),
        ("keit", keit),
        ("lich", lich),
        ("niss", niss),
        ("plan", plan),
        ("syst", syst),
        ("tick", tick),
        ("end", end),
        ("ern", ern),
        ("est", est),
        ("lns", lns),
        ("ung", ung),
        ("em", em),
        ("en", en),
        ("er", er),
        ("es", es),
        ("ig", ig),
        ("ik", ik),
        ("ln", ln),
        ("tr", tr),
        ("e", e),
        ("s", s),
    ]
}

extension GermanStemmer {
    /// What step 1 does with the ending it found.
    enum Step1Action { case em, delete, eGroup, s, ln }

    /// The suffix group step 3 found.
    enum Step3Kind { case endUng, igIkIsch, lichHeit, keit }

    /// The vowels: a e i o u y ä ö ü (the markers U and Y are not vowels).
    @inline(__always)
    static func isVowel(_ c: UInt32) -> Bool {
        switch c {
        case CP.a, CP.e, CP.i, CP.o, CP.u, CP.y, CP.aUmlaut, CP.oUmlaut, CP.uUmlaut: return true
        default: return false
        }
    }

    /// A valid s-ending: b d f g h k l m n r t.
    @inline(__always)
    static func isSEnding(_ c: UInt32) -> Bool {
        switch c {
        case CP.b, CP.d, CP.f, CP.g, CP.h, CP.k, CP.l, CP.m, CP.n, CP.r, CP.t: return true
        default: return false
        }
    }

    /// A valid st-ending: the s-endings without r.
    @inline(__always)
    static func isStEnding(_ c: UInt32) -> Bool {
        c != CP.r && isSEnding(c)
    }

    /// A valid et-ending: d f g k l m n r s t z ä, or a marked U.
    @inline(__always)
    static func isEtEnding(_ c: UInt32) -> Bool {
        switch c {
        case CP.d, CP.f, CP.g, CP.k, CP.l, CP.m, CP.n, CP.r, CP.s, CP.t, CP.z, CP.aUmlaut, CP.markedU:
            return true
        default: return false
        }
    }

    /// Runs the whole algorithm on `w[0..<count]` (which must not contain `ß`; callers expand it
    /// to `ss` while copying) and returns the length of the stem, which is left in `w[0..<result]`.
    static func stemCore<C: FixedWidthInteger & UnsignedInteger>(_ w: inout MutableSpan<C>, count: Int) -> Int {
        var n = count
        guard n > 0 else { return 0 }

        n = prelude(&w, count: n)
        let (p1, p2) = markRegions(w, count: n)
        n = step1(w, count: n, p1: p1)
        n = step2(w, count: n, p1: p1)
        n = step3(w, count: n, p1: p1, p2: p2)
        postlude(&w, count: n)
        return n
    }

    // MARK: Prelude

    /// Marks `u`/`y` between vowels, then folds `ae`/`oe`/`ue` into umlauts (leaving `qu` alone).
    /// Returns the new length (folding can only shorten the word).
    @inline(__always)
    static func prelude<C: FixedWidthInteger & UnsignedInteger>(_ w: inout MutableSpan<C>, count: Int) -> Int {
        // Left to right, so the left neighbour is seen as already marked: in "auuo" only the
        // first u lies between two vowels once that first u has become a consonant.
        if count >= 3 {
            for i in 1..<(count - 1) {
                let ch = UInt32(truncatingIfNeeded: w[i])
                guard ch == CP.u || ch == CP.y else { continue }
                if isVowel(UInt32(truncatingIfNeeded: w[i - 1])) && isVowel(UInt32(truncatingIfNeeded: w[i + 1])) {
                    w[i] = C(truncatingIfNeeded: ch == CP.u ? CP.markedU : CP.markedY)
                }
            }
        }

        // Fold the two-letter umlaut spellings, scanning left to right; a `qu` is skipped as a
        // unit so the `ue` of "quelle" stays. Letters are moved only once something was folded
        // (most words have no ae/oe/ue).
        var read = 0
        var write = 0
        while read < count {
            let ch = UInt32(truncatingIfNeeded: w[read])
            if read + 1 < count {
                let next = UInt32(truncatingIfNeeded: w[read + 1])
                var folded: UInt32 = 0
                if next == CP.e {
                    switch ch {
                    case CP.a: folded = CP.aUmlaut
                    case CP.o: folded = CP.oUmlaut
                    case CP.u: folded = CP.uUmlaut
                    default: break
                    }
                }
                if folded != 0 {
                    w[write] = C(truncatingIfNeeded: folded)
                    write += 1
                    read += 2
                    continue
                }
                if ch == CP.q && next == CP.u {
                    if write != read {
                        w[write] = C(truncatingIfNeeded: ch)
                        w[write + 1] = C(truncatingIfNeeded: next)
                    }
                    write += 2
                    read += 2
                    continue
                }
            }
            if write != read { w[write] = C(truncatingIfNeeded: ch) }
            write += 1
            read += 1
        }
        return write
    }

    // MARK: Regions

    /// R1 starts after the first non-vowel that follows a vowel, at index 3 at the earliest;
    /// R2 starts after the next vowel/non-vowel pair. A region that does not exist starts at the
    /// end of the word. Words shorter than three letters have both regions empty.
    @inline(__always)
    static func markRegions<C: FixedWidthInteger & UnsignedInteger>(_ w: borrowing MutableSpan<C>, count n: Int) -> (p1: Int, p2: Int) {
        guard n >= 3 else { return (n, n) }
        guard let rawP1 = afterVowelNonVowel(w, from: 0, count: n) else { return (n, n) }
        let p1 = max(rawP1, 3)
        // R2 is searched from the unadjusted start of R1.
        let p2 = afterVowelNonVowel(w, from: rawP1, count: n) ?? n
        return (p1, p2)
    }

    /// The index just past the first non-vowel that follows a vowel, searching from `start`.
    @inline(__always)
    static func afterVowelNonVowel<C: FixedWidthInteger & UnsignedInteger>(_ w: borrowing MutableSpan<C>, from start: Int, count n: Int) -> Int? {
        var i = start
        while i < n && !isVowel(UInt32(truncatingIfNeeded: w[i])) { i += 1 }
        guard i < n else { return nil }
        i += 1
        while i < n && isVowel(UInt32(truncatingIfNeeded: w[i])) { i += 1 }
        guard i < n else { return nil }
        return i + 1
    }

    // MARK: Suffix helpers

    /// Whether `w[0..<end]` ends with the ASCII letters of `suffix` (an `Ending`: one byte per
    /// letter, the last letter in the lowest byte).
    @inline(__always)
    static func endsWith<C: FixedWidthInteger & UnsignedInteger>(_ w: borrowing MutableSpan<C>, _ end: Int, _ suffix: UInt64) -> Bool {
        guard end >= (71 - suffix.leadingZeroBitCount) >> 3 else { return false }
        var rest = suffix, i = end - 1
        while rest != 0 {
            if UInt32(truncatingIfNeeded: w[i]) != UInt32(truncatingIfNeeded: rest & 0xFF) { return false }
            rest >>= 8
            i -= 1
        }
        return true
    }

    // MARK: Step 1

    /// Inflectional endings, in R1: `em` (not after `syst`); `er ern erin erinnen`; `e en es`
    /// (then `niss` → `nis`); `s` after a valid s-ending; `ln lns` → `l`.
    /// Only the longest ending present is considered; if its condition fails, nothing is removed.
    @inline(__always)
    static func step1<C: FixedWidthInteger & UnsignedInteger>(_ w: borrowing MutableSpan<C>, count n: Int, p1: Int) -> Int {
        let length: Int
        let action: Step1Action
        if endsWith(w, n, Ending.erinnen) { length = 7; action = .delete }
        else if endsWith(w, n, Ending.erin) { length = 4; action = .delete }
        else if endsWith(w, n, Ending.lns) { length = 3; action = .ln }
        else if endsWith(w, n, Ending.ern) { length = 3; action = .delete }
        else if endsWith(w, n, Ending.em) { length = 2; action = .em }
        else if endsWith(w, n, Ending.en) { length = 2; action = .eGroup }
        else if endsWith(w, n, Ending.er) { length = 2; action = .delete }
        else if endsWith(w, n, Ending.es) { length = 2; action = .eGroup }
        else if endsWith(w, n, Ending.ln) { length = 2; action = .ln }
        else if endsWith(w, n, Ending.e) { length = 1; action = .eGroup }
        else if endsWith(w, n, Ending.s) { length = 1; action = .s }
        else { return n }

        let k = n - length
        guard k >= p1 else { return n }
        switch action {
        case .em:
            return endsWith(w, k, Ending.syst) ? n : k
        case .delete:
            return k
        case .eGroup:
            // bedürfnissen → bedürfniss → bedürfnis
            if endsWith(w, k, Ending.niss) { return k - 1 }
            return k
        case .s:
            return k >= 1 && isSEnding(UInt32(truncatingIfNeeded: w[k - 1])) ? k : n
        case .ln:
            return k + 1  // keep the l
        }
    }

    // MARK: Step 2

    /// More inflectional endings, in R1: `en er est`; `st` after a valid st-ending that has at
    /// least three letters before it; `et` after a valid et-ending, unless the word before it
    /// ends in `tick`, `plan`, `geordn`, `intern` or `tr`.
    @inline(__always)
    static func step2<C: FixedWidthInteger & UnsignedInteger>(_ w: borrowing MutableSpan<C>, count n: Int, p1: Int) -> Int {
        if endsWith(w, n, Ending.est) {
            return n - 3 >= p1 ? n - 3 : n
        }
        guard n >= 2 else { return n }
        let k = n - 2
        guard k >= p1 else { return n }
        let last = UInt32(truncatingIfNeeded: w[n - 1])
        let before = UInt32(truncatingIfNeeded: w[n - 2])
        if before == CP.e && (last == CP.n || last == CP.r) {
            return k
        }
        if before == CP.s && last == CP.t {
            // st-ending at k-1, and `hop 3` from there: k - 1 >= 3.
            return k >= 4 && isStEnding(UInt32(truncatingIfNeeded: w[k - 1])) ? k : n
        }
        if before == CP.e && last == CP.t {
            guard k >= 1 && isEtEnding(UInt32(truncatingIfNeeded: w[k - 1])) else { return n }
            if endsWith(w, k, Ending.tick) || endsWith(w, k, Ending.plan) || endsWith(w, k, Ending.geordn)
                || endsWith(w, k, Ending.intern) || endsWith(w, k, Ending.tr) {
                return n
            }
            return k
        }
        return n
    }

    // MARK: Step 3

    /// Derivational suffixes, in R2: `end ung` (then `ig` if in R2 and not after `e`);
    /// `ig ik isch` (not after `e`); `lich heit` (then `er`/`en` if in R1);
    /// `keit` (then `lich`/`ig` if in R2).
    @inline(__always)
    static func step3<C: FixedWidthInteger & UnsignedInteger>(_ w: borrowing MutableSpan<C>, count n: Int, p1: Int, p2: Int) -> Int {
        let length: Int
        let kind: Step3Kind
        if endsWith(w, n, Ending.lich) { length = 4; kind = .lichHeit }
        else if endsWith(w, n, Ending.heit) { length = 4; kind = .lichHeit }
        else if endsWith(w, n, Ending.keit) { length = 4; kind = .keit }
        else if endsWith(w, n, Ending.isch) { length = 4; kind = .igIkIsch }
        else if endsWith(w, n, Ending.end) { length = 3; kind = .endUng }
        else if endsWith(w, n, Ending.ung) { length = 3; kind = .endUng }
        else if endsWith(w, n, Ending.ig) { length = 2; kind = .igIkIsch }
        else if endsWith(w, n, Ending.ik) { length = 2; kind = .igIkIsch }
        else { return n }

        let k = n - length
        guard k >= p2 else { return n }
        let precededByE = k >= 1 && UInt32(truncatingIfNeeded: w[k - 1]) == CP.e
        switch kind {
        case .endUng:
            // e.g. "…igend", "…igung": the ig goes too, unless it is "…eig…"
            if endsWith(w, k, Ending.ig) && k - 2 >= p2 && !(k >= 3 && UInt32(truncatingIfNeeded: w[k - 3]) == CP.e) {
                return k - 2
            }
            return k
        case .igIkIsch:
            return precededByE ? n : k
        case .lichHeit:
            if (endsWith(w, k, Ending.er) || endsWith(w, k, Ending.en)) && k - 2 >= p1 {
                return k - 2
            }
            return k
        case .keit:
            if endsWith(w, k, Ending.lich) {
                return k - 4 >= p2 ? k - 4 : k
            }
            if endsWith(w, k, Ending.ig) {
                return k - 2 >= p2 ? k - 2 : k
            }
            return k
        }
    }

    // MARK: Postlude

    /// Undoes the U/Y marks and removes the umlaut dots.
    @inline(__always)
    static func postlude<C: FixedWidthInteger & UnsignedInteger>(_ w: inout MutableSpan<C>, count n: Int) {
        for i in 0..<n {
            switch UInt32(truncatingIfNeeded: w[i]) {
            case CP.markedU, CP.uUmlaut: w[i] = C(truncatingIfNeeded: CP.u)
            case CP.markedY: w[i] = C(truncatingIfNeeded: CP.y)
            case CP.aUmlaut: w[i] = C(truncatingIfNeeded: CP.a)
            case CP.oUmlaut: w[i] = C(truncatingIfNeeded: CP.o)
            default: break
            }
        }
    }
}
