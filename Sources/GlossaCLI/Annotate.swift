import ArgumentParser
import Foundation
import GlossaGlossary
import GlossaPipeline
import GlossaRender
import GlossaText

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Annotate German text with English glosses (Glossa's main job).",
        discussion: """
            Reads UTF-8 text files (or standard input, "-") and writes the text with every name and term the glossaries know, in one of these formats:
              text      interlinear: each sentence, its glosses under the words (default)
              markdown  glosses inline, "Borissow [Borisov]", and a table of entries used
              html      one self-contained page with the glosses above the words
              json      one JSON document per input (offsets in Unicode scalars)
              jsonl     one JSON object per sentence, streamed
              xliff     XLIFF 2.1 with a glossary (gls) per paragraph
            A gloss of an entry whose status is deprecated or forbidden is marked "[deprecated]" or "[forbidden]" in text (bold in markdown). An entry's status (other than preferred), name in the original script (orig) and note are in the json/jsonl annotations ("status", "orig", "note", each only when present), the html details and entry list, the xliff gls:definition and the markdown table.
            With several inputs, json writes a JSON array, text/markdown/jsonl concatenate, and html/xliff need -o DIR (one file per input).
            A file per input is named after the input: its file name with the format's extension (sub/k.txt → DIR/k.html, standard input → stdin.html); a corpus record after its "id" ("/" becomes "_"), or FILE-LINE when it has none (corpus-3.html). Inputs that would get the same file name (k.txt and sub/k.txt, two records with one id) are refused before anything is written (exit 2), naming both: rename them, or annotate them in separate runs.
            --input jsonl reads a corpus: one {"id": ..., "text": ...} object per line. A bad record is reported (file, line, byte offset) and skipped; --strict stops instead.
            Examples:
              glossa annotate Fixtures/de/kuba-russland.txt
              glossa annotate --format html -o article.html article.txt
              glossa annotate --input jsonl --format jsonl corpus.jsonl > annotated.jsonl
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, html, json, jsonl, xliff }
    enum InputKind: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @Argument(help: "UTF-8 text files, or - for standard input.")
    var files: [String] = ["-"]

    @OptionGroup var glossaries: GlossaryOptions

    @Option(help: "Output format: text, markdown, html, json, jsonl or xliff.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write to this file (or, with several inputs for html/xliff, this folder).")
    var output: String?

    @Option(help: "Input kind: text (default) or jsonl (one {\"id\",\"text\"} object per line).")
    var input: InputKind = .text

    @Flag(help: "Stop at the first bad corpus record instead of reporting and skipping it.")
    var strict = false

    @Option(help: "Threads to use (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Do not guess English spellings of unknown Russian, Ukrainian or Belarusian names (match kind \"guess\").")
    var noGuesses = false

    @Flag(help: "Do not print progress and the summary on standard error.")
    var quiet = false

    @Flag(help: "Color the text format even when standard output is not a terminal (NO_COLOR still wins).")
    var color = false

    @OptionGroup var inputOptions: InputOptions

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try runReportingErrors {
            let started = Date()
            let glossary = try glossaries.load()
            let index = try GlossaryIndex(glossary)
            let annotator = Annotator(index: index, guessStage: noGuesses ? nil : TransliterationGuesses.bundled(), displayPath: { displayPath($0) })
            let sources = try readSources()
            let writer = outputFormat
            let colorOn = format == .text && (standardOutputWantsColor || (color && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true))
            let progress = Progress(total: sources.count, enabled: !quiet && standardErrorIsTerminal && sources.count > 1)
            let tokenizers = ResourcePool { try GermanTokenizer() }
            let memories = ResourcePool { MatchMemory() }
            var annotationCount = 0

            let perFileOutput = sources.count > 1 && (format == .html || format == .xliff || output.map(isDirectory) == true)
            if perFileOutput {
                guard let folder = output else { throw CLIError("several inputs in \(format.rawValue) need -o FOLDER (one file per input)") }
                let names = try Self.outputNames(sources, fileExtension: writer.fileExtension, folder: folder)
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let results = annotateAll(sources, annotator: annotator, tokenizers: tokenizers, memories: memories, progress: progress)
                for ((source, result), name) in zip(zip(sources, results), names) {
                    let sink = try OutputSink(path: (folder as NSString).appendingPathComponent(name))
                    sink.write(writer.render(result, context: WriterContext(name: source.name, color: false)))
                    sink.flush()
                    annotationCount += result.annotations.count
                }
            } else {
                let sink = try OutputSink(path: output)
                if format == .json && sources.count > 1 { sink.write("[") }
                // Batches bound memory: a corpus is read whole, but documents are annotated and
                // written a batch at a time.
                let batchSize = max(jobs * 8, 8)
                var first = true
                var batchStart = 0
                while batchStart < sources.count {
                    let batch = Array(sources[batchStart..<min(batchStart + batchSize, sources.count)])
                    batchStart += batch.count
                    if batch.count == 1, format == .jsonl, batch[0].text.unicodeScalars.count > Self.chunkThreshold {
                        annotationCount += try streamLarge(batch[0], annotator: annotator, tokenizers: tokenizers, memories: memories, sink: sink)
                        progress.advance(by: 1)
                        continue
                    }
                    for (source, result) in zip(batch, annotateAll(batch, annotator: annotator, tokenizers: tokenizers, memories: memories, progress: progress)) {
                        if format == .json && sources.count > 1 && !first { sink.write(",") }
                        first = false
                        var text = writer.render(result, context: WriterContext(name: source.name, color: colorOn, width: terminalWidth))
                        if format == .json && sources.count > 1, text.hasSuffix("\n") { text.removeLast() }
                        sink.write(text)
                        annotationCount += result.annotations.count
                    }
                }
                if format == .json && sources.count > 1 { sink.write("]\n") }
                sink.flush()
            }
            progress.finish()
            if !quiet && (sources.count > 1 || input == .jsonl || standardErrorIsTerminal) {
                let seconds = Date().timeIntervalSince(started)
                printError(String(format: "glossa: %d document%@, %d annotation%@, %.2f s", sources.count, sources.count == 1 ? "" : "s",
                                  annotationCount, annotationCount == 1 ? "" : "s", seconds))
            }
        }
    }

    /// Texts longer than this (in scalars) are annotated in pieces on all cores when streaming jsonl.
    static let chunkThreshold = 1 << 21

    private var outputFormat: OutputFormat {
        switch format {
        case .text: .text
        case .markdown: .markdown
        case .html: .html
        case .json: .json
        case .jsonl: .jsonl
        case .xliff: .xliff
        }
    }

    private var terminalWidth: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        return 100
    }

    private func isDirectory(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    struct Source: Sendable {
        /// The document's name in outputs: the path, or a corpus record's id.
        let name: String
        let text: String
        /// Where it came from, for messages: the path, or "FILE line N (id ...)".
        let origin: String
        /// The name of its output file without the extension, when each input gets one.
        let fileStem: String
    }

    /// The output file names of `sources` (one per input, in `folder`), checked before anything
    /// is written: two inputs with one name (compared ignoring case where file systems usually
    /// do) would overwrite each other, so they are an error naming both.
    static func outputNames(_ sources: [Source], fileExtension: String, folder: String) throws -> [String] {
        var seen: [String: Source] = [:]
        var names: [String] = []
        for source in sources {
            let name = source.fileStem + "." + fileExtension
            if name.utf8.count > 255 { throw CLIError("\(source.origin): the output file name would be longer than 255 bytes: \(name.prefix(40))...") }
            #if os(macOS) || os(Windows)
            let key = name.lowercased()
            #else
            let key = name
            #endif
            if let earlier = seen[key] {
                throw CLIError("\(earlier.origin) and \(source.origin) would both be written to \((folder as NSString).appendingPathComponent(name)); nothing written (give them distinct names or ids, or annotate them in separate runs)")
            }
            seen[key] = source
            names.append(name)
        }
        return names
    }

    /// An output file stem made of a corpus record's id: no folder separators, not hidden.
    static func fileStem(id: String) -> String {
        var stem = String(id.map { $0 == "/" || $0 == "\\" || $0 == "\0" ? "_" : $0 })
        if stem.isEmpty || stem.hasPrefix(".") { stem = "_" + stem }
        return stem
    }

    /// The file name of `path` without its extension ("stdin" for standard input).
    static func fileStem(path: String) -> String {
        path == "-" ? "stdin" : URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    private func readSources() throws -> [Source] {
        var sources: [Source] = []
        for file in files {
            let text = try inputOptions.readText(file)
            switch input {
            case .text:
                let name = file == "-" ? "<stdin>" : file
                sources.append(Source(name: name, text: text, origin: name, fileStem: Self.fileStem(path: file)))
            case .jsonl:
                sources.append(contentsOf: try corpusRecords(text, file: file == "-" ? "<stdin>" : file, stem: Self.fileStem(path: file)))
            }
        }
        return sources
    }

    /// Parses a JSON-lines corpus; a bad record is reported and skipped (or stops with --strict).
    private func corpusRecords(_ text: String, file: String, stem: String) throws -> [Source] {
        var records: [Source] = []
        var byteOffset = 0
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            defer { byteOffset += line.utf8.count + 1 }
            if line.allSatisfy(\.isWhitespace) { continue }
            let problem: String
            do {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
                if let record = object as? [String: Any], let body = record["text"] as? String {
                    let id: String?
                    switch record["id"] {
                    case let string as String: id = string
                    case let number as NSNumber: id = number.stringValue
                    default: id = nil
                    }
                    if let id {
                        records.append(Source(name: id, text: body, origin: "\(file) line \(lineNumber) (id \(jsonString(id)))",
                                              fileStem: Self.fileStem(id: id)))
                    } else {
                        records.append(Source(name: "\(file):\(lineNumber)", text: body, origin: "\(file) line \(lineNumber) (no id)",
                                              fileStem: "\(stem)-\(lineNumber)"))
                    }
                    continue
                }
                problem = "a record must be an object with a string \"text\" (and an \"id\")"
            } catch {
                problem = "not valid JSON"
            }
            let message = "\(file): line \(lineNumber), byte offset \(byteOffset): \(problem)"
            if strict { throw CLIError(message) }
            printError("glossa: warning: \(message); record skipped")
        }
        return records
    }

    private func annotateAll(_ sources: [Source], annotator: Annotator, tokenizers: ResourcePool<GermanTokenizer>,
                             memories: ResourcePool<MatchMemory>, progress: Progress) -> [AnnotatedDocument] {
        parallelMap(sources, jobs: jobs) { source in
            let document = try! tokenizers.withResource { $0.document(source.text, name: source.name) }
            let result = try! memories.withResource { annotator.annotate(document, memory: $0) }
            progress.advance(by: 1)
            return result
        }
    }

    /// A large text as jsonl: annotated in pieces on all cores, identical to a single-threaded run.
    private func streamLarge(_ source: Source, annotator: Annotator, tokenizers: ResourcePool<GermanTokenizer>,
                             memories: ResourcePool<MatchMemory>, sink: OutputSink) throws -> Int {
        try StreamingAnnotation.jsonlBytes(text: source.text, name: source.name, annotator: annotator, tokenizers: tokenizers, memories: memories, jobs: jobs) {
            sink.write(bytes: $0)
        }.annotations
    }
}

/// Progress on standard error ("documents done / total"), only on a terminal.
final class Progress: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private var done = 0
    private let lock = NSLock()

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func advance(by count: Int) {
        guard enabled else { return }
        lock.lock()
        done += count
        let current = done
        lock.unlock()
        if current % 16 == 0 || current == total {
            FileHandle.standardError.write(Data("\rglossa: \(current)/\(total) documents".utf8))
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
