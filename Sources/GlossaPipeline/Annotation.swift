import GlossaGlossary
import GlossaText

/// One annotated span of the original text: a glossary entry found there (or a guess).
///
/// `start`/`end` are Unicode scalar offsets into the original input, end-exclusive, so
/// `input[start..<end] == text` whatever normalization matching used.
public struct Annotation: Sendable, Hashable {
    public let start: Int
    public let end: Int
    /// The annotated text exactly as in the input.
    public let text: String
    public let kind: MatchKind
    /// Index into the glossary's entries; nil for a guess.
    public let entryIndex: Int?
    /// The sentence (index into `Document.sentences`) and the tokens the span lies in.
    public let sentence: Int
    public let tokens: Range<Int>
    /// The glossary form that matched (`Match.formIndex`, a number of the index's forms): one
    /// form, one English. Nil for a guess, and for an annotation made without it.
    public let formIndex: Int?
    /// What the annotation says of its entry, shared by the annotations of one glossary form in
    /// a document (`Annotator` makes it once per form): one reference to count per annotation
    /// instead of four strings, and none that other threads' documents share.
    let info: AnnotationInfo

    public init(start: Int, end: Int, text: String, gloss: String, type: EntryType, kind: MatchKind, entryID: String?,
                entryIndex: Int?, source: SourceLocation?, sentence: Int, tokens: Range<Int>, formIndex: Int? = nil) {
        self.init(start: start, end: end, text: text, kind: kind, entryIndex: entryIndex, sentence: sentence, tokens: tokens,
                  formIndex: formIndex, info: AnnotationInfo(gloss: gloss, type: type, entryID: entryID, source: source))
    }

    init(start: Int, end: Int, text: String, kind: MatchKind, entryIndex: Int?, sentence: Int, tokens: Range<Int>, formIndex: Int?,
         info: AnnotationInfo) {
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.entryIndex = entryIndex
        self.sentence = sentence
        self.tokens = tokens
        self.formIndex = formIndex
        self.info = info
    }

    /// The English shown for this occurrence.
    public var gloss: String { info.gloss }
    public var type: EntryType { info.type }
    /// The entry's stable id; nil for a guess (not from a glossary).
    public var entryID: String? { info.entryID }
    /// Where the entry was read from (the path as shown in outputs, and the line); nil for a guess.
    public var sourceLocation: SourceLocation? { info.source }

    /// `path:line` of the entry; nil for a guess.
    public var source: String? { sourceLocation?.description }

    /// Whether the annotation comes from a glossary (not a guess).
    public var isFromGlossary: Bool { entryID != nil }

    public static func == (a: Annotation, b: Annotation) -> Bool {
        a.start == b.start && a.end == b.end && a.text == b.text && a.kind == b.kind && a.entryIndex == b.entryIndex
            && a.sentence == b.sentence && a.tokens == b.tokens && a.formIndex == b.formIndex && (a.info === b.info || a.info == b.info)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(text)
        hasher.combine(kind)
        hasher.combine(entryIndex)
        hasher.combine(formIndex)
        hasher.combine(info)
    }
}

/// The entry-dependent part of an annotation: English, type, id and source.
final class AnnotationInfo: Sendable, Hashable {
    let gloss: String
    let type: EntryType
    let entryID: String?
    let source: SourceLocation?

    init(gloss: String, type: EntryType, entryID: String?, source: SourceLocation?) {
        self.gloss = gloss
        self.type = type
        self.entryID = entryID
        self.source = source
    }

    static func == (a: AnnotationInfo, b: AnnotationInfo) -> Bool {
        a.gloss == b.gloss && a.type == b.type && a.entryID == b.entryID && a.source == b.source
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(gloss)
        hasher.combine(type)
        hasher.combine(entryID)
        hasher.combine(source)
    }
}

/// One annotation as a document keeps it: numbers only, no references, so that a document's
/// annotations cost nothing to keep, copy or free. `Annotations` makes `Annotation` values of
/// them; writers that go through many annotations (JSON) read the records themselves.
public struct AnnotationRecord: Sendable, Equatable {
    /// Unicode scalar offsets into the original input, end-exclusive.
    public let start: Int32
    public let end: Int32
    /// The annotated text: the document's code units `textStart..<textEnd`, or, when
    /// `textStart` is negative, string number `-textStart - 1` of `Annotations.texts`.
    public let textStart: Int32
    public let textEnd: Int32
    public let kind: MatchKind
    public let sentence: Int32
    public let tokenStart: Int32
    public let tokenEnd: Int32
    /// Index into the glossary's entries, or -1 for a guess.
    public let entryIndex: Int32
    /// The glossary form that matched (`Match.formIndex`), or -1.
    public let formIndex: Int32
    /// Index into `Annotations.infos` (English, type, id, source), or -1 for a glossary
    /// annotation whose info is made from its form and entry when asked for.
    let info: Int32
}

/// Makes the entry-dependent part of glossary annotations (English, type, id, source) from
/// their form and entry numbers when asked for, so that a document keeps no object per glossary
/// form it uses: one per annotator, shared by the documents it annotates.
final class GlossaryInfos: Sendable {
    let index: GlossaryIndex
    /// Each glossary file's path as shown in outputs, by its path as loaded.
    let shownPaths: [String: String]
    let displayPath: @Sendable (String) -> String
    /// The glossaries, with their paths as shown.
    let sources: [Glossary.Source]

    init(index: GlossaryIndex, displayPath: @escaping @Sendable (String) -> String) {
        self.index = index
        self.displayPath = displayPath
        var shown: [String: String] = [:]
        for source in index.glossary.sources where shown[source.path] == nil { shown[source.path] = displayPath(source.path) }
        shownPaths = shown
        sources = index.glossary.sources.map { Glossary.Source(path: shown[$0.path] ?? displayPath($0.path), entries: $0.entries) }
    }

    func info(form: Int32, entry: Int32) -> AnnotationInfo {
        let entries = index.glossary.entries
        var source: SourceLocation?
        if let location = entries[Int(entry)].location {
            source = SourceLocation(file: shownPaths[location.file] ?? displayPath(location.file), line: location.line)
        }
        return AnnotationInfo(gloss: index.gloss(ofForm: Int(form)), type: entries[Int(entry)].type, entryID: entries[Int(entry)].id, source: source)
    }
}

/// A document's annotations, sorted by `start`: records, and what they share (the entry-dependent
/// parts, one per glossary form; texts that are not the document's own code units).
public struct Annotations: RandomAccessCollection, Sendable, Equatable {
    public let records: [AnnotationRecord]
    let infos: [AnnotationInfo]
    /// Where glossary records without an info of their own get theirs.
    let glossaryInfos: GlossaryInfos?
    let texts: [String]
    /// The document's code units, which most texts are read from.
    let units: [UInt16]

    init(records: [AnnotationRecord], infos: [AnnotationInfo], glossaryInfos: GlossaryInfos? = nil, texts: [String], units: [UInt16]) {
        self.records = records
        self.infos = infos
        self.glossaryInfos = glossaryInfos
        self.texts = texts
        self.units = units
    }

    /// Stores annotations made one by one (their texts as given).
    public init(_ annotations: [Annotation], units: [UInt16] = []) {
        var records: [AnnotationRecord] = []
        var infos: [AnnotationInfo] = []
        var texts: [String] = []
        records.reserveCapacity(annotations.count)
        for annotation in annotations {
            texts.append(annotation.text)
            infos.append(annotation.info)
            records.append(AnnotationRecord(
                start: Int32(annotation.start), end: Int32(annotation.end), textStart: -Int32(texts.count), textEnd: 0,
                kind: annotation.kind, sentence: Int32(annotation.sentence),
                tokenStart: Int32(annotation.tokens.lowerBound), tokenEnd: Int32(annotation.tokens.upperBound),
                entryIndex: Int32(annotation.entryIndex ?? -1), formIndex: Int32(annotation.formIndex ?? -1), info: Int32(infos.count - 1)))
        }
        self.init(records: records, infos: infos, texts: texts, units: units)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(position: Int) -> Annotation {
        let record = records[position]
        return Annotation(start: Int(record.start), end: Int(record.end), text: text(of: record), kind: record.kind,
                          entryIndex: record.entryIndex < 0 ? nil : Int(record.entryIndex), sentence: Int(record.sentence),
                          tokens: Int(record.tokenStart)..<Int(record.tokenEnd), formIndex: record.formIndex < 0 ? nil : Int(record.formIndex),
                          info: info(of: record))
    }

    /// The entry-dependent part of a record's annotation.
    func info(of record: AnnotationRecord) -> AnnotationInfo {
        if record.info >= 0 { return infos[Int(record.info)] }
        return glossaryInfos!.info(form: record.formIndex, entry: record.entryIndex)
    }

    /// The annotated text of a record.
    public func text(of record: AnnotationRecord) -> String {
        record.textStart < 0 ? texts[Int(-record.textStart - 1)] : UTF16Text.string(units, Int(record.textStart), Int(record.textEnd))
    }

    /// The document's code units (where records with a non-negative `textStart` take their text).
    public var codeUnits: [UInt16] { units }

    public static func == (a: Annotations, b: Annotations) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }
}

/// A document with its annotations: what every writer reads.
///
/// Layers: the `Document` (text, paragraphs, sentences, tokens) is never changed; the
/// annotations are a layer of their own, sorted by `start`, never overlapping.
public struct AnnotatedDocument: Sendable {
    public let document: Document
    public let annotations: Annotations
    /// The glossaries used, with their entry counts.
    public let glossaries: [Glossary.Source]
    /// The entries used, for tables and glossary lists.
    public let entries: [GlossaryEntry]
    /// The range of `annotations` in each sentence.
    public let annotationsBySentence: [Range<Int>]

    public init(document: Document, annotations: [Annotation], glossaries: [Glossary.Source], entries: [GlossaryEntry]) {
        self.init(document: document, annotations: Annotations(annotations, units: document.utf16), glossaries: glossaries, entries: entries)
    }

    public init(document: Document, annotations: Annotations, glossaries: [Glossary.Source], entries: [GlossaryEntry]) {
        self.document = document
        self.annotations = annotations
        self.glossaries = glossaries
        self.entries = entries
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(document.sentences.count)
        let records = annotations.records
        var a = 0
        for s in document.sentences.indices {
            let from = a
            while a < records.count && Int(records[a].sentence) == s { a += 1 }
            ranges.append(from..<a)
        }
        annotationsBySentence = ranges
    }

    /// The annotations of sentence `index`.
    public func annotations(inSentence index: Int) -> Slice<Annotations> {
        annotations[annotationsBySentence[index]]
    }

    /// The entry of an annotation (nil for a guess).
    public func entry(of annotation: Annotation) -> GlossaryEntry? {
        annotation.entryIndex.map { entries[$0] }
    }

    /// The entries used, with how often, in order of first use; guesses are grouped by text.
    public var usage: [(annotation: Annotation, entry: GlossaryEntry?, count: Int)] {
        var order: [String] = []
        var counts: [String: (Annotation, GlossaryEntry?, Int)] = [:]
        for annotation in annotations {
            let key = annotation.entryID ?? "guess:" + annotation.gloss
            if let existing = counts[key] {
                counts[key] = (existing.0, existing.1, existing.2 + 1)
            } else {
                order.append(key)
                counts[key] = (annotation, entry(of: annotation), 1)
            }
        }
        return order.map { counts[$0]! }
    }
}
