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
        JSONWriter.document(document, name: context.name ?? document.document.name, into: &out)
        out += "\n"
    }

    /// JSON Lines: one object per sentence, written as produced, with the document id and
    /// document-level offsets: `{"document":..,"sentence":0,"start":..,"end":..,"text":..,"annotations":[...]}`.
    public static let jsonl = OutputFormat(name: "jsonl", fileExtension: "jsonl") { document, context, out in
        let name = context.name ?? document.document.name
        for (index, sentence) in document.document.sentences.enumerated() {
            out += "{\"document\":"
            JSONString.append(name, to: &out)
            let shift = context.scalarOffset
            out += ",\"sentence\":\(index + context.sentenceOffset),\"start\":\(sentence.start + shift),\"end\":\(sentence.end + shift),\"text\":"
            JSONString.append(document.document.text(scalarRange: sentence.start..<sentence.end), to: &out)
            out += ",\"annotations\":["
            JSONWriter.annotations(document.annotations(inSentence: index), shift: shift, into: &out)
            out += "]}\n"
        }
    }
}

enum JSONWriter {
    static func document(_ document: AnnotatedDocument, name: String, into out: inout String) {
        out += "{\"source\":{\"language\":\"de\",\"name\":"
        JSONString.append(name, to: &out)
        out += "},\"target\":{\"language\":\"en\"},\"glossaries\":["
        for (i, source) in document.glossaries.enumerated() {
            if i > 0 { out += "," }
            out += "{\"path\":"
            JSONString.append(source.path, to: &out)
            out += ",\"entries\":\(source.entries)}"
        }
        out += "],\"sentences\":["
        for (i, sentence) in document.document.sentences.enumerated() {
            if i > 0 { out += "," }
            out += "{\"start\":\(sentence.start),\"end\":\(sentence.end)}"
        }
        out += "],\"annotations\":["
        annotations(document.annotations[...], into: &out)
        out += "]}"
    }

    static func annotations(_ annotations: ArraySlice<Annotation>, shift: Int = 0, into out: inout String) {
        var first = true
        for annotation in annotations {
            if !first { out += "," }
            first = false
            out += "{\"start\":\(annotation.start + shift),\"end\":\(annotation.end + shift),\"text\":"
            JSONString.append(annotation.text, to: &out)
            out += ",\"gloss\":"
            JSONString.append(annotation.gloss, to: &out)
            out += ",\"type\":"
            JSONString.append(annotation.type.rawValue, to: &out)
            out += ",\"match\":\"\(annotation.kind.rawValue)\",\"entry\":"
            if let id = annotation.entryID { JSONString.append(id, to: &out) } else { out += "null" }
            out += ",\"source\":"
            if let source = annotation.source { JSONString.append(source, to: &out) } else { out += "null" }
            out += "}"
        }
    }
}
