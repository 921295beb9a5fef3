import GlossaGlossary
import GlossaPipeline
import GlossaText

extension OutputFormat {
    /// One JSON document: the contract other tools read.
    ///
    /// `{"source":{"language":"de","name":...},"target":{"language":"en"},
    ///   "glossaries":[{"path":...,"entries":N}],"sentences":[{"start":0,"end":120}],
    ///   "annotations":[{"start":..,"end":..,"text":..,"gloss":..,"type":..,"match":..,"entry":..,"source":..}]}`
    /// Offsets are Unicode scalar offsets into the original input, end-exclusive. A guess has
    /// `"entry":null,"source":null`.
    public static let json = OutputFormat(name: "json", fileExtension: "json") { document, context, out in
        var writer = JSONWriter(document: document)
        writer.document(name: context.name ?? document.document.name)
        writer.json.bytes.append(0x0A)
        out += writer.json.string
    }

    /// JSON Lines: one object per sentence, written as produced, with the document id and
    /// document-level offsets: `{"document":..,"sentence":0,"start":..,"end":..,"text":..,"annotations":[...]}`.
    public static let jsonl = OutputFormat(name: "jsonl", fileExtension: "jsonl") { document, context, out in
        var writer = JSONWriter(document: document)
        writer.lines(name: context.name ?? document.document.name, scalarOffset: context.scalarOffset, sentenceOffset: context.sentenceOffset)
        out += writer.json.string
    }
}

/// Writes an annotated document as JSON bytes. The part of an annotation that only depends on
/// its entry and match kind (gloss, type, match, entry, source) is escaped once per document
/// and then copied.
struct JSONWriter {
    let document: AnnotatedDocument
    var json: JSONBytes
    /// `,"gloss":...,"source":...}` by `entryIndex << 4 | kind`, with the gloss it was made for.
    private var tails: [Int: (gloss: String, bytes: [UInt8])] = [:]

    init(document: AnnotatedDocument) {
        self.document = document
        json = JSONBytes(capacity: document.document.utf16.count * 3 + document.annotations.count * 160 + 256)
    }

    mutating func document(name: String) {
        json.raw("{\"source\":{\"language\":\"de\",\"name\":")
        json.string(name)
        json.raw("},\"target\":{\"language\":\"en\"},\"glossaries\":[")
        for (i, source) in document.glossaries.enumerated() {
            if i > 0 { json.raw(",") }
            json.raw("{\"path\":")
            json.string(source.path)
            json.raw(",\"entries\":")
            json.number(source.entries)
            json.raw("}")
        }
        json.raw("],\"sentences\":[")
        for (i, sentence) in document.document.sentences.enumerated() {
            if i > 0 { json.raw(",") }
            json.raw("{\"start\":")
            json.number(sentence.start)
            json.raw(",\"end\":")
            json.number(sentence.end)
            json.raw("}")
        }
        json.raw("],\"annotations\":[")
        annotations(document.annotations.indices, shift: 0)
        json.raw("]}")
    }

    mutating func lines(name: String, scalarOffset shift: Int, sentenceOffset: Int) {
        var quotedName = JSONBytes()
        quotedName.string(name)
        let text = document.document
        for (index, sentence) in text.sentences.enumerated() {
            json.raw("{\"document\":")
            json.raw(quotedName.bytes)
            json.raw(",\"sentence\":")
            json.number(index + sentenceOffset)
            json.raw(",\"start\":")
            json.number(sentence.start + shift)
            json.raw(",\"end\":")
            json.number(sentence.end + shift)
            json.raw(",\"text\":")
            json.string(text.utf16, text.utf16Offset(ofScalar: sentence.start), text.utf16Offset(ofScalar: sentence.end))
            json.raw(",\"annotations\":[")
            annotations(document.annotationsBySentence[index], shift: shift)
            json.raw("]}\n")
        }
    }

    private static let startField = Array("{\"start\":".utf8)
    private static let endField = Array(",\"end\":".utf8)
    private static let textField = Array(",\"text\":".utf8)

    private mutating func annotations(_ range: Range<Int>, shift: Int) {
        let annotations = document.annotations
        for a in range {
            // Fields are read one by one: copying a whole annotation would retain all its strings.
            let tail: [UInt8]
            if let entryIndex = annotations[a].entryIndex {
                let key = entryIndex << 4 | annotations[a].kind.rank
                if let cached = tails[key], cached.gloss == annotations[a].gloss {
                    tail = cached.bytes
                } else {
                    tail = Self.tail(of: annotations[a])
                    tails[key] = (annotations[a].gloss, tail)
                }
            } else {
                tail = Self.tail(of: annotations[a])
            }
            let text = annotations[a].text
            let bound = 1 + Self.startField.count + Self.endField.count + Self.textField.count + 2 * JSONBytes.numberBound
                + JSONBytes.stringBound(text.utf8.count)
            // The fields up to the text in one addition to the output, then the tail in one copy.
            json.bytes.append(addingCapacity: bound) { out in
                if a > range.lowerBound { out.append(0x2C) }
                JSONBytes.put(Self.startField, into: &out)
                JSONBytes.putNumber(annotations[a].start + shift, into: &out)
                JSONBytes.put(Self.endField, into: &out)
                JSONBytes.putNumber(annotations[a].end + shift, into: &out)
                JSONBytes.put(Self.textField, into: &out)
                JSONBytes.putString(text, into: &out)
            }
            json.raw(tail)
        }
    }

    /// `,"gloss":...,"type":...,"match":...,"entry":...,"source":...}`
    private static func tail(of annotation: Annotation) -> [UInt8] {
        var out = JSONBytes(capacity: 128)
        out.raw(",\"gloss\":")
        out.string(annotation.gloss)
        out.raw(",\"type\":")
        out.string(annotation.type.rawValue)
        out.raw(",\"match\":\"")
        out.raw(annotation.kind.rawValue)
        out.raw("\",\"entry\":")
        if let id = annotation.entryID { out.string(id) } else { out.raw("null") }
        out.raw(",\"source\":")
        if let source = annotation.source { out.string(source) } else { out.raw("null") }
        out.raw("}")
        return out.bytes
    }
}
