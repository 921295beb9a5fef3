import GlossaPipeline
import GlossaText

/// The gloss line of a sentence: the German sentence with every annotated span replaced by
/// its English rendering. Shared by the text, Markdown and HTML writers, which differ only in
/// how they mark the glosses.
///
/// It is a reading aid, never a translation: word order, articles and inflection stay German.
/// Every writer shows it under `GlossLine.label`.
public struct GlossLine: Sendable {
    /// A run of the sentence: German text as written, or the gloss of one annotation.
    public enum Segment: Sendable, Hashable {
        case text(String)
        case gloss(Annotation)
    }

    /// The label every writer puts before a gloss line.
    public static let label = "Gloss (aid, not a translation):"

    public let sentence: Int
    public let segments: [Segment]

    /// The gloss line of sentence `index` of `document`. Whitespace runs that contain a line
    /// break (a sentence broken across lines) become one space; other text is kept as written.
    public init(sentence index: Int, of document: AnnotatedDocument) {
        sentence = index
        let doc = document.document
        let bounds = doc.sentences[index]
        var segments: [Segment] = []
        var cursor = bounds.start
        for annotation in document.annotations(inSentence: index) {
            // Annotations are sorted and never overlap; guard anyway against a span outside the sentence.
            let start = max(annotation.start, cursor)
            if start > cursor {
                segments.append(.text(Self.flatten(doc.text(scalarRange: cursor..<start))))
            }
            segments.append(.gloss(annotation))
            cursor = max(cursor, annotation.end)
        }
        if cursor < bounds.end {
            segments.append(.text(Self.flatten(doc.text(scalarRange: cursor..<bounds.end))))
        }
        self.segments = segments
    }

    /// The gloss line as plain text, each gloss marked `⟨…⟩` (a guess with a question mark).
    public var plain: String {
        rendered(text: { $0 }, gloss: { "⟨" + Self.shown($0) + "⟩" })
    }

    /// The gloss as plain-text formats show it: a guess (not from a glossary) gets a question
    /// mark, so it never passes for a curated rendering.
    public static func shown(_ annotation: Annotation) -> String {
        annotation.isFromGlossary ? annotation.gloss : annotation.gloss + "?"
    }

    /// The gloss line with text and glosses rendered by the caller (escaped, marked up).
    public func rendered(text: (String) -> String, gloss: (Annotation) -> String) -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .text(let string): out += text(string)
            case .gloss(let annotation): out += gloss(annotation)
            }
        }
        return out
    }

    /// Text with every whitespace run containing a line break replaced by one space.
    static func flatten(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingRun = String.UnicodeScalarView()
        var runHasBreak = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = true
                pendingRun.append(scalar)
                if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" { runHasBreak = true }
                continue
            }
            if pendingSpace {
                if runHasBreak { out.append(" ") } else { out.append(contentsOf: pendingRun) }
                pendingSpace = false
                pendingRun = String.UnicodeScalarView()
                runHasBreak = false
            }
            out.append(scalar)
        }
        if pendingSpace {
            if runHasBreak { out.append(" ") } else { out.append(contentsOf: pendingRun) }
        }
        return String(out)
    }
}

/// Column widths of text in a terminal: East Asian wide and fullwidth characters take two
/// columns, combining marks, zero-width and format characters none, everything else one.
public enum DisplayWidth {
    /// The number of terminal columns `text` takes.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The columns one grapheme cluster takes: 2 if any scalar is wide (or it is shown as an
    /// emoji), else the width of its first scalar that takes space.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            if scalar == "\u{FE0F}" && width == 1 { return 2 }
            let w = of(scalar)
            if w == 2 { return 2 }
            if width == 0 { width = w }
        }
        return width
    }

    /// The columns of one scalar.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and final consonants
        if v == 0x200B { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, plus emoji presentation blocks.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD,
             0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797,
             0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F320,
             0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3,
             0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
             0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F,
             0x1F680...0x1F6C5, 0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC,
             0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
