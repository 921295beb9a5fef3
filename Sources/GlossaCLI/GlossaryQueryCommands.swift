import ArgumentParser
import Foundation
import GlossaGlossary

struct GlossaryFind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Look a term up by German (any inflected form), English, or a near misspelling.",
        discussion: """
            German lookups use the annotator's matcher (inflections, genitives, variants, compound parts); English lookups ignore case; near misspellings allow 1 edit for keys of 5 to 8 letters and 2 edits for longer ones. Prints one line per entry: file:line, how it was found, de, en, type. Exit 1 when nothing is found, 2 for an empty query.
            Examples:
              glossa glossary find Lawrows
              glossa glossary find ceasefire
              glossa glossary find Borisow --glossary Glossaries/de-en/people.tsv
            """
    )

    @Argument(help: "A German or English term.") var query: String
    @OptionGroup var glossaries: GlossaryOptions

    func run() throws {
        var found = true
        try runReportingErrors {
            guard !query.allSatisfy(\.isWhitespace) else {
                throw CLIError("glossary find: the query is empty (give a German or English term)")
            }
            let index = try GlossaryIndex(glossaries.load())
            let hits = try GlossaryLookup(index: index).find(query)
            let sink = try OutputSink(path: nil)
            for hit in hits {
                let entry = index.glossary.entries[hit.entry]
                let place = entry.location.map { "\(displayPath($0.file)):\($0.line)" } ?? entry.id
                let how = hit.how == "similar" ? "similar (distance \(hit.distance))" : hit.how
                sink.write("\(place)\t\(how)\t\(entry.de)\t\(entry.en)\t\(entry.type)\n")
            }
            sink.flush()
            if hits.isEmpty {
                printError("glossa: no entry for '\(query)'")
                found = false
            }
        }
        if !found { throw ExitStatus.findings }
    }
}

struct GlossaryMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge glossary files into one, reporting conflicts on stderr.",
        discussion: """
            Rows are taken in the order of the inputs. Identical rows are merged. For a German term with different English or other fields in several rows, the first row is the entry and every other row is kept as a comment directly above it ("# merge conflict, from FILE:LINE: ..."), so nothing is lost; each conflict is reported on stderr. The output is in canonical form. Exit 1 when there were conflicts.
            Example:
              glossa glossary merge mine.tsv theirs.tsv -o merged.tsv
            """
    )

    @Argument(help: "Glossary files or folders to merge (- for standard input).") var files: [String]
    @Option(name: .shortAndLong, help: "Output file (- for standard output).") var output: String

    func run() throws {
        var conflicted = false
        try runReportingErrors {
            guard !files.isEmpty else { throw CLIError("merge needs at least one input file") }
            let result = try GlossaGlossary.GlossaryMerge.merge(try parseGlossaryFiles(files), outputPath: output)
            for conflict in result.conflicts { printError("glossa: \(conflict)") }
            for duplicate in result.duplicates { printError("glossa: \(duplicate): identical row merged") }
            try writeResult(result.file.serialized(), to: output)
            printError("glossa: merged \(result.file.rows.count) entries into \(output); \(result.conflicts.count) conflict(s)")
            conflicted = !result.conflicts.isEmpty
        }
        if conflicted { throw ExitStatus.findings }
    }
}

struct GlossaryStats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count entries by file, type and status; entries with orig and variants; duplicates.",
        discussion: """
            Example:
              glossa glossary stats
            """
    )

    @Argument(help: "Glossary files or folders, or - for standard input (default: the bundled glossaries).") var files: [String] = []

    func run() throws {
        try runReportingErrors {
            var glossary = Glossary()
            for file in try parseGlossaryFiles(files) { glossary.add(file) }
            let stats = GlossaryStatistics(glossary)
            let sink = try OutputSink(path: nil)
            sink.write("entries\t\(stats.total)\n")
            for (file, count) in stats.byFile { sink.write("file\t\(file)\t\(count)\n") }
            for (type, count) in stats.byType.sorted(by: { $0.key < $1.key }) { sink.write("type\t\(type)\t\(count)\n") }
            for status in EntryStatus.allCases { sink.write("status\t\(status.rawValue)\t\(stats.byStatus[status.rawValue] ?? 0)\n") }
            sink.write("with orig\t\(stats.withOrig)\n")
            sink.write("with variants\t\(stats.withVariants)\n")
            sink.write("duplicates\t\(stats.duplicates.count)\n")
            for (de, places) in stats.duplicates { sink.write("duplicate\t\(de)\t\(places.joined(separator: " "))\n") }
            sink.flush()
        }
    }
}

struct GlossaryCoverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Which entries a corpus uses, and frequent capitalized words no entry covers.",
        discussion: """
            Reads UTF-8 text files (or folders of *.txt files, or standard input for -). Prints the most used entries as comment lines, then the top uncovered capitalized words and phrases as glossary TSV ready to review: 'en' is the CLDR English name where the word is a region name, else '?'.
            Example:
              glossa glossary coverage Fixtures/de --top 20
            """
    )

    @Argument(help: "Text files or folders, or - for standard input.") var corpus: [String]
    @OptionGroup var glossaries: GlossaryOptions
    @Option(help: "How many entries and candidates to list.") var top = 30
    @OptionGroup var input: InputOptions

    func run() throws {
        try runReportingErrors {
            guard !corpus.isEmpty else { throw CLIError("name at least one corpus file or folder") }
            let index = try GlossaryIndex(glossaries.load())
            var counter = try CoverageCounter(index: index)
            for path in try corpusFiles(corpus) {
                counter.add(try input.readText(path), name: path == "-" ? "<stdin>" : path)
            }
            let sink = try OutputSink(path: nil)
            let uses = counter.entryUses()
            sink.write("# Coverage: \(counter.documents) document(s), \(counter.tokens) tokens, \(counter.matches) matches of \(uses.count) of \(index.glossary.entries.count) entries.\n")
            sink.write("# Most used entries:\n")
            for (entry, count) in uses.prefix(top) {
                let value = index.glossary.entries[entry]
                sink.write("#   \(count)\t\(value.de)\t\(value.en)\t\(value.id)\n")
            }
            sink.write("# Candidates: capitalized words and phrases no entry covers, most frequent first.\n")
            sink.write("de\ten\ttype\tnote\n")
            for candidate in counter.candidates(top: top) {
                sink.write("\(candidate.de)\t\(candidate.en ?? "?")\t\(candidate.type?.rawValue ?? "")\t\(candidate.count) occurrence\(candidate.count == 1 ? "" : "s")\n")
            }
            sink.flush()
        }
    }

    func corpusFiles(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            if path == "-" {
                if files.contains("-") { throw CLIError("standard input (-) can be named only once") }
                files.append(path)
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw CLIError("\(path): no such file or folder") }
            if !isFolder.boolValue { files.append(path); continue }
            let walker = FileManager.default.enumerator(atPath: path)
            var found: [String] = []
            while let relative = walker?.nextObject() as? String {
                if relative.hasSuffix(".txt") { found.append((path as NSString).appendingPathComponent(relative)) }
            }
            // (As a glossary folder without *.tsv files: a corpus folder without texts is a mistake, not an empty corpus.)
            if found.isEmpty { throw CLIError("no *.txt files in \(path)") }
            files += found.sorted()
        }
        return files
    }
}
