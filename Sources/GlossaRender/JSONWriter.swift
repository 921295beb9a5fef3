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
    /// `"entry":null,"source":null`. An annotation whose entry has them adds `"status"` (when
    /// not `preferred`), `"orig"` and `"note"` after `"source"`; they are left out otherwise.
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
/// its glossary form and match kind (gloss, type, match, entry, source, and the entry's status,
/// orig and note when it has them) is escaped once (see `JSONTails`) and then copied.
struct JSONWriter {
    let document: AnnotatedDocument
    var json: JSONBytes
    /// The tails (`,"gloss":...,"source":...}`) made so far, one per glossary form and match kind:
    /// this document's own, or shared with other documents of the same annotator.
    private(set) var tails: JSONTails

    /// - Parameter tails: tails made for earlier documents annotated by the same annotator (with
    ///   the same index and shown paths); by default this document's own.
    init(document: AnnotatedDocument, reusing buffer: [UInt8] = [], tails: JSONTails = JSONTails()) {
        self.document = document
        self.tails = tails
        json = JSONBytes(reusing: buffer, capacity: document.document.utf16.count * 3 + document.annotations.count * 160 + 256)
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

    // Field names written per sentence and per annotation, as constants the compiler unrolls.
    /// `"start":`
    private static var startField: InlineArray<8, UInt8> { [0x22, 0x73, 0x74, 0x61, 0x72, 0x74, 0x22, 0x3A] }
    /// `,"end":`
    private static var endField: InlineArray<7, UInt8> { [0x2C, 0x22, 0x65, 0x6E, 0x64, 0x22, 0x3A] }
    /// `,"text":`
    private static var textField: InlineArray<8, UInt8> { [0x2C, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A] }

    mutating func lines(name: String, scalarOffset shift: Int, sentenceOffset: Int) {
        // `{"document":NAME,"sentence":` once for all lines.
        var prefix = JSONBytes()
        prefix.raw("{\"document\":")
        prefix.string(name)
        prefix.raw(",\"sentence\":")
        let text = document.document
        let units = text.utf16
        for (index, sentence) in text.sentences.enumerated() {
            json.raw(prefix.bytes)
            json.bytes.append(addingCapacity: 3 * JSONBytes.numberBound + 9 + 7 + 8) { out in
                JSONBytes.putNumber(index + sentenceOffset, into: &out)
                out.append(0x2C)
                JSONBytes.put(Self.startField, into: &out)
                JSONBytes.putNumber(sentence.start + shift, into: &out)
                JSONBytes.put(Self.endField, into: &out)
                JSONBytes.putNumber(sentence.end + shift, into: &out)
                JSONBytes.put(Self.textField, into: &out)
            }
            json.string(units, text.utf16Offset(ofScalar: sentence.start), text.utf16Offset(ofScalar: sentence.end))
            json.bytes.append(addingCapacity: 16) { out in
                // ,"annotations":[
                JSONBytes.put([0x2C, 0x22, 0x61, 0x6E, 0x6E, 0x6F, 0x74, 0x61, 0x74, 0x69, 0x6F, 0x6E, 0x73, 0x22, 0x3A, 0x5B] as InlineArray<16, UInt8>, into: &out)
            }
            annotations(document.annotationsBySentence[index], shift: shift)
            json.bytes.append(addingCapacity: 3) { out in
                JSONBytes.put([0x5D, 0x7D, 0x0A] as InlineArray<3, UInt8>, into: &out)  // ]}\n
            }
        }
    }

    private mutating func annotations(_ range: Range<Int>, shift: Int) {
        // The records (numbers only); an `Annotation` is made only for a tail not made yet.
        let annotations = document.annotations
        let records = annotations.records
        let units = annotations.codeUnits
        for a in range {
            let record = records[a]
            // A text that is not the document's own (a guess's): as a string (the closure below
            // captures nothing else that is counted).
            let otherText = record.textStart >= 0 ? "" : annotations.text(of: record)
            let textLength = record.textStart >= 0 ? Int(record.textEnd - record.textStart) : otherText.utf8.count
            let bound = 1 + 9 + 7 + 8 + 2 * JSONBytes.numberBound + JSONBytes.stringBound(textLength)
            // The fields up to the text in one addition to the output, then the tail in one copy.
            json.bytes.append(addingCapacity: bound) { out in
                if a > range.lowerBound { out.append(0x2C) }
                out.append(0x7B)
                JSONBytes.put(Self.startField, into: &out)
                JSONBytes.putNumber(Int(record.start) + shift, into: &out)
                JSONBytes.put(Self.endField, into: &out)
                JSONBytes.putNumber(Int(record.end) + shift, into: &out)
                JSONBytes.put(Self.textField, into: &out)
                if record.textStart >= 0 {
                    JSONBytes.putString(units, Int(record.textStart), Int(record.textEnd), into: &out)
                } else {
                    JSONBytes.putString(otherText, into: &out)
                }
            }
            guard record.formIndex >= 0, record.entryIndex >= 0 else {
                json.raw(tail(of: annotations[a]))
                continue
            }
            // One form, one English, one entry: its tail with this match kind is made once.
            let key = Int(record.formIndex) << 4 | record.kind.rank
            let tail = tails.find(key) ?? tails.add(key, tail(of: annotations[a]))
            json.bytes.append(contentsOf: tails.bytes[tail])
        }
    }

    /// `,"gloss":...,"type":...,"match":...,"entry":...,"source":...}`, with `,"status":...`,
    /// `,"orig":...` and `,"note":...` before the `}` when the entry has them.
    private func tail(of annotation: Annotation) -> [UInt8] {
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
        let details = document.details(of: annotation)
        if let status = details.status {
            out.raw(",\"status\":")
            out.string(status.rawValue)
        }
        if let orig = details.orig {
            out.raw(",\"orig\":")
            out.string(orig)
        }
        if let note = details.note {
            out.raw(",\"note\":")
            out.string(note)
        }
        out.raw("}")
        return out.bytes
    }
}

/// The tails of annotations by `formIndex << 4 | kind`: open addressing over one array of
/// (key + 1, start, end) in `bytes`, where all tails lie one after another. The form decides the
/// English and the entry (type, id, source), so one table serves all documents of one
/// annotator; it starts afresh past `byteLimit` bytes.
struct JSONTails {
    static let byteLimit = 32 << 20
    private(set) var bytes: [UInt8] = []
    private var slots = [SIMD4<Int32>](repeating: .zero, count: 1024)
    private var count = 0

    private func home(_ key: Int) -> Int { Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & (slots.count - 1) }

    /// The range in `bytes` of the tail of `key`, or nil.
    func find(_ key: Int) -> Range<Int>? {
        guard key < Int(Int32.max) else { return nil }
        var slot = home(key)
        while true {
            let entry = slots[slot]
            if entry.x == 0 { return nil }
            if Int(entry.x) == key + 1 { return Int(entry.y)..<Int(entry.z) }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// Adds the tail of `key`; returns its range in `bytes`.
    mutating func add(_ key: Int, _ tail: [UInt8]) -> Range<Int> {
        guard key < Int(Int32.max) else {
            // (Never with real glossaries: more than 100 million forms.) Kept, not indexed.
            bytes.append(contentsOf: tail)
            return (bytes.count - tail.count)..<bytes.count
        }
        if bytes.count + tail.count > Self.byteLimit {
            self = JSONTails()
        }
        if 2 * (count + 1) > slots.count {
            let old = slots
            slots = [SIMD4<Int32>](repeating: .zero, count: old.count * 2)
            for entry in old where entry.x != 0 { insert(entry) }
        }
        let range = bytes.count..<(bytes.count + tail.count)
        bytes.append(contentsOf: tail)
        insert(SIMD4(Int32(key + 1), Int32(range.lowerBound), Int32(range.upperBound), 0))
        count += 1
        return range
    }

    private mutating func insert(_ entry: SIMD4<Int32>) {
        var slot = home(Int(entry.x) - 1)
        while slots[slot].x != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = entry
    }
}
