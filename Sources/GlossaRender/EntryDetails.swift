import GlossaGlossary
import GlossaPipeline

/// What the writers show of an annotation's entry beyond its English and type: the entry's
/// terminology status, its name in the original script and its note. Nil fields are left out
/// (a guess has none; `preferred` is the default status and is not shown).
struct EntryDetails: Sendable, Equatable {
    /// The status when it is not the default `preferred`.
    var status: EntryStatus?
    /// The name in its original script (`orig`), when the entry has one.
    var orig: String?
    var note: String?

    init(_ entry: GlossaryEntry?) {
        guard let entry else { return }
        status = entry.status == .preferred ? nil : entry.status
        let orig = entry.orig.withoutOuterBlanks
        self.orig = orig.isEmpty ? nil : orig
        let note = entry.note.withoutOuterBlanks
        self.note = note.isEmpty ? nil : note
    }

    init(status: EntryStatus? = nil, orig: String? = nil, note: String? = nil) {
        self.status = status
        self.orig = orig
        self.note = note
    }

    /// The status when the German term should not be used (`deprecated`, `forbidden`): what the
    /// text and Markdown writers mark next to the gloss, so that it is noticed.
    var warning: EntryStatus? {
        status == .deprecated || status == .forbidden ? status : nil
    }

    var isEmpty: Bool { status == nil && orig == nil && note == nil }
}

extension AnnotatedDocument {
    /// The status, original-script name and note of an annotation's entry (empty for a guess).
    func details(of annotation: Annotation) -> EntryDetails {
        EntryDetails(entry(of: annotation))
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate var withoutOuterBlanks: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
