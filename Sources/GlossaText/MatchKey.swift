internal import GlossaICU

/// Matching keys: the form in which tokens and glossary terms are compared.
///
/// A key is the text in NFC, fully case-folded (Unicode CaseFolding C+F: "ß" → "ss"), with
/// typographic variants unified (all double quotes „“”«» → `"`, single quotes and apostrophes
/// ‚‘’‹›ʼ´` → `'`, hyphens and dashes ‐‑‒–—―− → `-`), soft hyphens and zero-width characters
/// removed, and no-break spaces made ordinary spaces. Keys of glossary terms and of
/// document tokens are made by the same function, so equal keys mean "the same word
/// up to case and typography".
public enum MatchKey {
    /// The key of arbitrary text (a glossary term, a query). Runs of white space become one space.
    public static func make(_ text: String) -> String {
        if let key = latin1Key(text) { return key }
        let units = Array(text.utf16)
        let key = make(units: units, 0, units.count)
        // Collapse white space after unification (which may turn no-break spaces into spaces
        // and remove zero-width characters between spaces).
        guard key.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return key }
        return key.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
    }

    /// `make(text)` for text whose characters are all ASCII and Latin-1 (below U+0100): the same
    /// folding as `fastKey`, worked out on the UTF-8 without going through UTF-16, and the text
    /// itself when nothing changes. Nil for any other text (and for "µ", which folds to Greek).
    static func latin1Key(_ text: String) -> String? {
        // Lower-case ASCII without white space and "`" is its own key.
        if !text.utf8.contains(where: { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x60 || $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return text
        }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 2)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte < 0x80 {
                switch byte {
                case 0x41...0x5A: out.append(byte &+ 32)
                case 0x60: out.append(0x27)
                default: out.append(byte)
                }
                continue
            }
            guard byte == 0xC2 || byte == 0xC3, let low = bytes.next() else { return nil }
            switch UInt16(byte & 0x1F) << 6 | UInt16(low & 0x3F) {
            case 0xB4: out.append(0x27)
            case 0xAB, 0xBB: out.append(0x22)
            case 0xAD: break
            case 0xA0: out.append(0x20)
            case 0xDF: out.append(0x73); out.append(0x73)
            case 0xD7, 0xF7: out.append(byte); out.append(low)
            case 0xC0...0xDE: out.append(byte); out.append(low &+ 0x20)
            case 0xB5: return nil
            default: out.append(byte); out.append(low)
            }
        }
        let key = String(decoding: out, as: UTF8.self)
        guard key.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return key }
        return key.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
    }

    /// The key of `units[from..<to]`: the tokenizer's entry point.
    public static func make(units: [UInt16], _ from: Int, _ to: Int) -> String {
        if let fast = fastKey(units, from, to) { return String(decoding: fast, as: UTF8.self) }
        return slowKey(Array(units[from..<to]))
    }

    /// The UTF-8 bytes of the key of `units[from..<to]` (the tokenizer interns keys by them).
    static func utf8(units: [UInt16], _ from: Int, _ to: Int) -> [UInt8] {
        if let fast = fastKey(units, from, to) { return fast }
        return Array(slowKey(Array(units[from..<to])).utf8)
    }

    /// ASCII and Latin-1 letters, digits and common punctuation: folded without ICU, to UTF-8.
    /// Returns nil when anything needs the full algorithm.
    @inline(__always)
    static func fastKey(_ units: [UInt16], _ from: Int, _ to: Int) -> [UInt8]? {
        // Builds UTF-8 directly: making a String from UTF-8 bytes is the fast path.
        var out = [UInt8]()
        out.reserveCapacity(2 * (to - from) + 2)
        func append(_ u: UInt16) {
            if u < 0x80 {
                out.append(UInt8(u))
            } else if u < 0x800 {
                out.append(UInt8(0xC0 | (u >> 6)))
                out.append(UInt8(0x80 | (u & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (u >> 12)))
                out.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (u & 0x3F)))
            }
        }
        var i = from
        while i < to {
            let u = units[i]
            switch u {
            case 0x41...0x5A: out.append(UInt8(u &+ 32))
            case 0x60, 0xB4: out.append(0x27)
            case 0xAB, 0xBB: out.append(0x22)
            case 0xAD: break
            case 0xA0: out.append(0x20)
            case 0xDF: out.append(0x73); out.append(0x73)
            case 0xD7, 0xF7: append(u)
            case 0xC0...0xDE: append(u &+ 32)
            case 0xB5: return nil
            case 0x00...0xFF: append(u)
            default:
                // Surrogates and everything else above Latin-1 take the full algorithm,
                // except the typographic characters unified here.
                if let unified = unify(u) {
                    if unified != 0 { append(unified) }
                } else {
                    return nil
                }
            }
            i += 1
        }
        return out
    }

    /// The typographic replacement of a BMP code unit above Latin-1: 0 removes it,
    /// nil means "no replacement" (the unit is not a quote, dash or ignorable).
    @inline(__always)
    static func unify(_ u: UInt16) -> UInt16? {
        switch u {
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x301D, 0x301E, 0xFF02: return 0x22
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2039, 0x203A, 0x2032, 0x02BC, 0xFF07: return 0x27
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2043, 0xFE58, 0xFE63, 0xFF0D: return 0x2D
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return 0
        case 0x202F, 0x2009, 0x2007: return 0x20
        default: return nil
        }
    }

    /// NFC, full case folding, typographic unification, NFC again.
    static func slowKey(_ raw: [UInt16]) -> String {
        let composed = (try? ICUText.normalize(units: raw, .nfc)) ?? raw
        let folded = (try? ICUText.foldCase(units: composed)) ?? composed
        var unified = [UInt16]()
        unified.reserveCapacity(folded.count)
        for u in folded {
            if let replacement = unify(u) {
                if replacement != 0 { unified.append(replacement) }
            } else if u == 0xAD {
                continue
            } else if u == 0xA0 {
                unified.append(0x20)
            } else {
                unified.append(u)
            }
        }
        let result = (try? ICUText.normalize(units: unified, .nfc)) ?? unified
        return UTF16Text.string(result, 0, result.count)
    }

    /// Whether a UTF-16 code unit is a hyphen (or a dash used as one) inside a word.
    @inline(__always)
    public static func isHyphen(_ u: UInt16) -> Bool {
        u == 0x2D || u == 0x2010 || u == 0x2011
    }
}

extension String {
    /// The string of the UTF-8 `bytes`, cut from a valid string at scalar boundaries (a part of a
    /// key between hyphens, a run of a key's scalars): copied without validating them again.
    public init(scalarAlignedUTF8 bytes: Span<UInt8>) {
        self.init(copying: UTF8Span(unchecked: bytes))
    }
}
