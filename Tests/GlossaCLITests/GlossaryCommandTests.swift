#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GlossaTestSupport
import Testing

/// Runs the built `glossa` binary.
struct Glossa {
    static var binary: URL { TestSupport.root.appendingPathComponent(".build/debug/glossa") }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Outputs go to temporary files: no pipe can fill up and block the process.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        #expect(FileManager.default.createFile(atPath: outURL.path, contents: nil))
        #expect(FileManager.default.createFile(atPath: errURL.path, contents: nil))
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

private let header = "de\ten\ttype\tstatus\tcase\tvariants\torig\tnote\tsource\n"

@Suite(.serialized) struct GlossaryLintCommandTests {
    @Test func bundledGlossariesLintClean() throws {
        let result = try Glossa.run(["glossary", "lint"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "")
    }

    @Test func findingsAsTextExitOne() throws {
        let folder = try Glossa.temporaryFolder()
        try (header + "Waffenruhe\tceasefire\nWaffenruhe\ttruce\n").write(to: folder.appendingPathComponent("a.tsv"), atomically: true, encoding: .utf8)
        let result = try Glossa.run(["glossary", "lint", "a.tsv"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "a.tsv:3:12: error: conflict: 'Waffenruhe' is 'truce' here but 'ceasefire' at a.tsv:2\n")
        #expect(result.stderr.contains("1 error(s), 0 warning(s) in 1 file(s)"))
    }

    @Test func findingsAsJSON() throws {
        let folder = try Glossa.temporaryFolder()
        try (header + "Sanktion\tsanction\nSanktionen\tsanctions\n").write(to: folder.appendingPathComponent("a.tsv"), atomically: true, encoding: .utf8)
        let result = try Glossa.run(["glossary", "lint", "--format", "json", "a.tsv"], in: folder)
        #expect(result.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = try #require(json?["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings[0]["file"] as? String == "a.tsv")
        #expect(findings[0]["line"] as? Int == 3)
        #expect(findings[0]["column"] as? Int == 1)
        #expect(findings[0]["severity"] as? String == "warning")
        #expect(findings[0]["code"] as? String == "inflected-form")
        // Warnings do not fail the run with --errors-only.
        let errorsOnly = try Glossa.run(["glossary", "lint", "--errors-only", "a.tsv"], in: folder)
        #expect(errorsOnly.status == 0)
        #expect(errorsOnly.stdout == "")
    }

    /// A folder without *.tsv files is refused alike by every command that takes glossaries
    /// (some used to run with no entries and exit 0).
    @Test(arguments: [
        ["annotate", "--glossary", "empty", "t.txt"], ["glossary", "coverage", "--glossary", "empty", "t.txt"],
        ["match", "--glossary", "empty", "t.txt"], ["glossary", "find", "--glossary", "empty", "Kuba"],
        ["translit", "check", "--glossary", "empty"], ["glossary", "lint", "empty"], ["glossary", "stats", "empty"],
        ["glossary", "export", "--to", "csv", "empty"], ["glossary", "lint", "g.tsv", "empty"],
        ["annotate", "--glossary", "g.tsv", "--glossary", "empty", "t.txt"],
    ])
    func emptyGlossaryFolderIsAnInputError(arguments: [String]) throws {
        let folder = try Glossa.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty/sub"), withIntermediateDirectories: true)
        try "not a glossary\n".write(to: folder.appendingPathComponent("empty/sub/notes.txt"), atomically: true, encoding: .utf8)
        try "de\ten\nKuba\tCuba\n".write(to: folder.appendingPathComponent("g.tsv"), atomically: true, encoding: .utf8)
        try "Kuba.\n".write(to: folder.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        let result = try Glossa.run(arguments, in: folder)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "glossa: no *.tsv files in empty\n")
    }

    /// Likewise a corpus folder without *.txt files for coverage (it used to report on 0 documents).
    @Test func emptyCorpusFolderIsAnInputError() throws {
        let folder = try Glossa.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("texts"), withIntermediateDirectories: true)
        try "de\ten\nKuba\tCuba\n".write(to: folder.appendingPathComponent("texts/g.tsv"), atomically: true, encoding: .utf8)
        let result = try Glossa.run(["glossary", "coverage", "texts"], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "glossa: no *.txt files in texts\n")
    }

    @Test func missingFileIsAnInputError() throws {
        let result = try Glossa.run(["glossary", "lint", "/nonexistent/x.tsv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/x.tsv"))
    }
}

@Suite(.serialized) struct GlossaryFmtCommandTests {
    @Test func bundledGlossariesAreCanonical() throws {
        let result = try Glossa.run(["glossary", "fmt", "--check"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func checkNamesFilesAndChangesNothing() throws {
        let folder = try Glossa.temporaryFolder()
        let messy = "en\tde\nRussia\tRussland\nAustria\tÖsterreich\n"
        let file = folder.appendingPathComponent("m.tsv")
        try messy.write(to: file, atomically: true, encoding: .utf8)
        let check = try Glossa.run(["glossary", "fmt", "--check", "m.tsv"], in: folder)
        #expect(check.status == 1)
        #expect(check.stdout == "m.tsv: not in canonical form (run glossa glossary fmt)\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == messy)
        let format = try Glossa.run(["glossary", "fmt", "m.tsv"], in: folder)
        #expect(format.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == "de\ten\nÖsterreich\tAustria\nRussland\tRussia\n")
        #expect(try Glossa.run(["glossary", "fmt", "--check", "m.tsv"], in: folder).status == 0)
    }

    @Test func syntaxErrorRefusesTheRewriteAndKeepsTheBytes() throws {
        let folder = try Glossa.temporaryFolder()
        let broken = "en\tde\r\nRussia\tRussland\textra\n\n"
        let file = folder.appendingPathComponent("b.tsv")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: file)
        let result = try Glossa.run(["glossary", "fmt", "b.tsv"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("b.tsv:2:17: 3 fields, but the header has 2 columns"))
        #expect(try Data(contentsOf: file) == before)
    }
}

@Suite(.serialized) struct GlossaryEditCommandTests {
    @Test func addThenRemove() throws {
        let folder = try Glossa.temporaryFolder()
        let file = folder.appendingPathComponent("t.tsv")
        try "# terms\nde\ten\ttype\nWaffenruhe\tceasefire\tterm\n".write(to: file, atomically: true, encoding: .utf8)
        let add = try Glossa.run(["glossary", "add", "t.tsv", "--de", "Abrüstung", "--en", "disarmament", "--type", "term", "--note", "arms control"], in: folder)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "# terms\nde\ten\ttype\tnote\nAbrüstung\tdisarmament\tterm\tarms control\nWaffenruhe\tceasefire\tterm\n")

        let conflict = try Glossa.run(["glossary", "add", "t.tsv", "--de", "Waffenruhe", "--en", "truce"], in: folder)
        #expect(conflict.status == 2)
        #expect(conflict.stderr.contains("t.tsv:4: 'Waffenruhe' is already there as 'ceasefire'"))
        let duplicate = try Glossa.run(["glossary", "add", "t.tsv", "--de", "Waffenruhe", "--en", "ceasefire"], in: folder)
        #expect(duplicate.status == 2)
        #expect(duplicate.stderr.contains("already there with the same English"))
        let forced = try Glossa.run(["glossary", "add", "t.tsv", "--de", "Waffenruhe", "--en", "truce", "--force"], in: folder)
        #expect(forced.status == 0)

        let remove = try Glossa.run(["glossary", "remove", "t.tsv", "--de", "Waffenruhe", "--en", "truce"], in: folder)
        #expect(remove.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == "# terms\nde\ten\ttype\tnote\nAbrüstung\tdisarmament\tterm\tarms control\nWaffenruhe\tceasefire\tterm\n")
        let missing = try Glossa.run(["glossary", "remove", "t.tsv", "--de", "Frieden"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("t.tsv: no entry 'Frieden' to remove"))
    }
}

@Suite(.serialized) struct GlossaryAddValidationTests {
    /// What lint would flag is refused before the file is touched: a type that is not one of
    /// the documented ones, empty variants.
    @Test(arguments: [
        (["--type", "planet"], "glossa: unknown --type 'planet' (expected person, country, city, place, org, adjective, demonym, term, event, media)\n"),
        (["--variants", "Baer||Bären|"], "glossa: --variants 'Baer||Bären|' has an empty variant (variants are separated by single '|', none empty)\n"),
        (["--variants", "|Baer"], "glossa: --variants '|Baer' has an empty variant (variants are separated by single '|', none empty)\n"),
        (["--variants", "Baer| "], "glossa: --variants 'Baer| ' has an empty variant (variants are separated by single '|', none empty)\n"),
    ])
    func refusedWithExitTwo(options: [String], message: String) throws {
        let folder = try Glossa.temporaryFolder()
        let file = folder.appendingPathComponent("t.tsv")
        let original = "de\ten\nWaffenruhe\tceasefire\n"
        try original.write(to: file, atomically: true, encoding: .utf8)
        let result = try Glossa.run(["glossary", "add", "t.tsv", "--de", "Bär", "--en", "bear"] + options, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == message)
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
    }

    @Test func documentedTypesAndVariantsAreAdded() throws {
        let folder = try Glossa.temporaryFolder()
        let file = folder.appendingPathComponent("t.tsv")
        try "de\ten\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try Glossa.run(["glossary", "add", "t.tsv", "--de", "Bär", "--en", "bear", "--type", "term", "--variants", "Baer|Bären"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "de\ten\ttype\tvariants\nBär\tbear\tterm\tBaer|Bären\n")
        #expect(try Glossa.run(["glossary", "lint", "t.tsv"], in: folder).status == 0)
    }

    /// Lint points at each empty variant: two of them are two findings at their own columns,
    /// not the same line twice.
    @Test func lintNamesEachEmptyVariantOnce() throws {
        let folder = try Glossa.temporaryFolder()
        try "de\ten\tvariants\nBär\tbear\tBaer||Bären|\n".write(to: folder.appendingPathComponent("v.tsv"), atomically: true, encoding: .utf8)
        let result = try Glossa.run(["glossary", "lint", "v.tsv"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "v.tsv:2:15: warning: variant: empty variant in 'variants'\nv.tsv:2:22: warning: variant: empty variant in 'variants'\n")
    }
}

@Suite(.serialized) struct GlossaryEditThroughALinkTests {
    /// Editing a glossary through a symbolic link edits the file it points to; the link stays.
    @Test(arguments: [["glossary", "add", "link.tsv", "--de", "Abrüstung", "--en", "disarmament"], ["glossary", "fmt", "link.tsv"]])
    func editThroughASymbolicLink(arguments: [String]) throws {
        let folder = try Glossa.temporaryFolder()
        let fm = FileManager.default
        let real = folder.appendingPathComponent("real.tsv")
        try "en\tde\nceasefire\tWaffenruhe\n".write(to: real, atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("link.tsv").path, withDestinationPath: "real.tsv")
        let result = try Glossa.run(arguments, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try fm.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.tsv").path) == "real.tsv")
        let text = try String(contentsOf: real, encoding: .utf8)
        #expect(text.hasPrefix("de\ten\n"))
        #expect(text.contains("Waffenruhe\tceasefire\n"))
        #expect(text.contains("Abrüstung") == arguments.contains("add"))
        #expect(try fm.contentsOfDirectory(atPath: folder.path).sorted() == ["link.tsv", "real.tsv"])
    }
}

@Suite(.serialized) struct GlossaryEditRefusalTests {
    @Test func addToABrokenFileIsRefusedAndTheFileKeptByteForByte() throws {
        let folder = try Glossa.temporaryFolder()
        let file = folder.appendingPathComponent("broken.tsv")
        let broken = "de\ten\tstatus\nKrieg\twar\tmaybe\n"
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let result = try Glossa.run(["glossary", "add", "broken.tsv", "--de", "Frieden", "--en", "peace"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.tsv:2:11: unknown status 'maybe'"))
        #expect(result.stderr.contains("(file not rewritten)"))
        #expect(try Data(contentsOf: file) == Data(broken.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["broken.tsv"])
    }
}

/// Interrupted writes: the built binary is stopped with SIGKILL while it rewrites a large
/// glossary. Two approaches, both deterministic in what they assert:
/// 1. At fixed points (`GLOSSA_TEST_PAUSE_WRITE`: half the temporary file written; written and
///    synced but not renamed) the writer announces itself on stderr and waits; the test kills
///    it there. The original must be byte-identical.
/// 2. At a few arbitrary moments without pauses: the file must then be either the original or
///    the complete formatted file, never anything in between.
@Suite(.serialized) struct InterruptedWriteTests {
    func largeGlossary(in folder: URL) throws -> (URL, Data) {
        var text = "de\ten\ttype\n"
        var generator = 0x1234_5678 as UInt64
        for index in 0..<60_000 {
            generator = generator &* 6364136223846793005 &+ 1442695040888963407
            text += "Begriff\(generator % 1_000_000)x\(index)\tterm \(index)\tterm\n"
        }
        let file = folder.appendingPathComponent("big.tsv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (file, Data(text.utf8))
    }

    @Test(arguments: ["mid-write", "before-rename"])
    func killAtAFixedPointKeepsTheOriginal(point: String) throws {
        let folder = try Glossa.temporaryFolder()
        let (file, original) = try largeGlossary(in: folder)
        let process = Process()
        process.executableURL = Glossa.binary
        process.arguments = ["glossary", "fmt", file.path]
        var env = ProcessInfo.processInfo.environment
        env["GLOSSA_TEST_PAUSE_WRITE"] = point
        process.environment = env
        let err = Pipe()
        process.standardError = err
        try process.run()
        // Wait for the announcement, then kill.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("paused \(point)") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        #expect(String(decoding: seen, as: UTF8.self).contains("glossa: paused \(point)"))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Data(contentsOf: file) == original)
        // The next run cleans up nothing it should not: the original still formats normally.
        let result = try Glossa.run(["glossary", "fmt", file.path])
        #expect(result.status == 0)
        #expect(try Glossa.run(["glossary", "fmt", "--check", file.path]).status == 0)
    }

    @Test func killAtArbitraryMomentsNeverLeavesAPartialFile() throws {
        let folder = try Glossa.temporaryFolder()
        let (file, original) = try largeGlossary(in: folder)
        let formattedCopy = folder.appendingPathComponent("copy.tsv")
        try original.write(to: formattedCopy)
        #expect(try Glossa.run(["glossary", "fmt", formattedCopy.path]).status == 0)
        let formatted = try Data(contentsOf: formattedCopy)
        #expect(formatted != original)
        for delay in [0.05, 0.2, 0.4, 0.8] {
            try original.write(to: file)
            let process = Process()
            process.executableURL = Glossa.binary
            process.arguments = ["glossary", "fmt", file.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Data(contentsOf: file)
            #expect(now == original || now == formatted, "a partial file after a kill at \(delay) s")
        }
    }
}

@Suite(.serialized) struct GlossaryExchangeCommandTests {
    /// xmllint's exit status on `file` against the TBX core structure schema (RELAX NG) in the
    /// shared schemas folder `schemas`.
    static func tbxCoreStatus(_ file: URL, schemas: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--nonet", "--noout", "--relaxng", "tbx/core/TBXcoreStructV03.rng", file.path]
        process.currentDirectoryURL = schemas
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func exportedTBXValidatesWithTheOfficialSchema() throws {
        let folder = try Glossa.temporaryFolder()
        let export = try Glossa.run(["glossary", "export", "--to", "tbx", "-o", "all.tbx"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        guard let schemas = TestSupport.sharedFile("schemas") else { return }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/xmllint") else {
            Issue.record("xmllint is missing: install libxml2-utils")
            return
        }
        #expect(try Self.tbxCoreStatus(folder.appendingPathComponent("all.tbx"), schemas: schemas) == 0, "xmllint rejects the exported TBX")

        // And it imports back to the same entries.
        let back = try Glossa.run(["glossary", "import", "--from", "tbx", "all.tbx", "-o", "back.tsv"], in: folder)
        #expect(back.status == 0)
        #expect(back.stderr.contains("imported 2"))
        #expect(back.stderr.contains("skipped 0"))
    }

    /// The TBX of a file without header comments (a placeholder paragraph) and of one with
    /// comments after its last row (x-glossa-comment-after) validates too.
    @Test func tbxWithPlaceholderAndCommentsAfterValidates() throws {
        let folder = try Glossa.temporaryFolder()
        try "de\ten\nKrieg\twar\n".write(to: folder.appendingPathComponent("n.tsv"), atomically: true, encoding: .utf8)
        try "# top\nde\ten\nKrieg\twar\n# the end\n".write(to: folder.appendingPathComponent("c.tsv"), atomically: true, encoding: .utf8)
        guard let schemas = TestSupport.sharedFile("schemas") else { return }
        for name in ["n", "c"] {
            let export = try Glossa.run(["glossary", "export", "--to", "tbx", "\(name).tsv", "-o", "\(name).tbx"], in: folder)
            #expect(export.status == 0, "\(export.stderr)")
            let tbx = try String(contentsOf: folder.appendingPathComponent("\(name).tbx"), encoding: .utf8)
            #expect(tbx.contains(name == "n" ? "x-glossa-placeholder" : "x-glossa-comment-after"))
            #expect(try Self.tbxCoreStatus(folder.appendingPathComponent("\(name).tbx"), schemas: schemas) == 0, "xmllint rejects \(name).tbx")
            let back = try Glossa.run(["glossary", "import", "--from", "tbx", "\(name).tbx"], in: folder)
            #expect(back.stdout == (try String(contentsOf: folder.appendingPathComponent("\(name).tsv"), encoding: .utf8))
                .replacingOccurrences(of: "de\ten\n", with: "de\ten\ttype\tstatus\tcase\tvariants\torig\tnote\tsource\n"))
        }
    }

    @Test func importReportsSkippedConceptsAndRefusesEntities() throws {
        let folder = try Glossa.temporaryFolder()
        guard let invalid = TestSupport.sharedFile("schemas/tbx/examples/invalid-tbx-basic-schematron.tbx") else { return }
        let result = try Glossa.run(["glossary", "import", "--from", "tbx", invalid.path], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains(":10: skipped: concept entry 'c1' has no English term"))
        #expect(result.stderr.contains("imported 0 entries"))

        try "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n<tbx>&x;</tbx>\n"
            .write(to: folder.appendingPathComponent("xxe.tbx"), atomically: true, encoding: .utf8)
        let refused = try Glossa.run(["glossary", "import", "--from", "tbx", "xxe.tbx"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("xxe.tbx:3:1: entity declarations are not allowed"))
        #expect(refused.stdout == "")
    }

    @Test func csvImportWithABrokenQuoteFails() throws {
        let folder = try Glossa.temporaryFolder()
        try "de,en\n\"Frieden,peace\n".write(to: folder.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
        let result = try Glossa.run(["glossary", "import", "--from", "csv", "b.csv"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("b.csv:2:1: the quoted field starting here is never closed"))
    }

    /// A CSV without a header: source, target, comment, as the help says; the comment is the note.
    @Test func csvImportWithoutHeaderPutsTheThirdColumnInNote() throws {
        let folder = try Glossa.temporaryFolder()
        try "Kuba,Cuba\nMoskau,Moscow,capital\n".write(to: folder.appendingPathComponent("h.csv"), atomically: true, encoding: .utf8)
        let result = try Glossa.run(["glossary", "import", "--from", "csv", "h.csv"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "de\ten\ttype\tstatus\tcase\tvariants\torig\tnote\tsource\nKuba\tCuba\nMoskau\tMoscow\t\t\t\t\t\tcapital\n")
    }

    /// `import --from tsv` of a bundled file, and its TBX export imported back, give the file
    /// byte for byte: the comment block naming its sources is kept.
    @Test func bundledFilesSurviveTSVImportAndTBXRoundTripsByteForByte() throws {
        let folder = try Glossa.temporaryFolder()
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.file("Glossaries/de-en").path).filter { $0.hasSuffix(".tsv") }.sorted()
        #expect(files.count >= 10)
        for name in files {
            let path = TestSupport.file("Glossaries/de-en/\(name)").path
            let original = try String(contentsOfFile: path, encoding: .utf8)
            #expect(original.hasPrefix("# "))
            let imported = try Glossa.run(["glossary", "import", "--from", "tsv", path, "-o", "back.tsv"], in: folder)
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(try String(contentsOf: folder.appendingPathComponent("back.tsv"), encoding: .utf8) == original, "import --from tsv \(name)")
            let export = try Glossa.run(["glossary", "export", "--to", "tbx", path, "-o", "x.tbx"], in: folder)
            #expect(export.status == 0 && !export.stderr.contains("warning"), "\(export.stderr)")
            let back = try Glossa.run(["glossary", "import", "--from", "tbx", "x.tbx", "-o", "x.tsv"], in: folder)
            #expect(back.status == 0, "\(back.stderr)")
            #expect(try String(contentsOf: folder.appendingPathComponent("x.tsv"), encoding: .utf8) == original, "TSV → TBX → TSV \(name)")
        }
    }

    /// Formats that cannot hold comments say so in one line on stderr; a file without comments gets no warning.
    @Test func exportWarnsWhenItLeavesOutComments() throws {
        let folder = try Glossa.temporaryFolder()
        try "# Sources: mine.\nde\ten\n# war\nKrieg\twar\n".write(to: folder.appendingPathComponent("c.tsv"), atomically: true, encoding: .utf8)
        try "de\ten\nKrieg\twar\n".write(to: folder.appendingPathComponent("n.tsv"), atomically: true, encoding: .utf8)
        for format in ["csv", "deepl", "google", "omegat"] {
            let result = try Glossa.run(["glossary", "export", "--to", format, "c.tsv"], in: folder)
            #expect(result.status == 0)
            #expect(result.stderr == "glossa: warning: \(format) cannot hold comments: 2 comment lines left out (--to tbx keeps them)\n")
            #expect(try Glossa.run(["glossary", "export", "--to", format, "n.tsv"], in: folder).stderr == "")
        }
        #expect(try Glossa.run(["glossary", "export", "--to", "tbx", "c.tsv"], in: folder).stderr == "")
    }

    @Test func deeplExportToStdout() throws {
        let folder = try Glossa.temporaryFolder()
        try "de\ten\tvariants\nKrieg\twar\nFrieden\tpeace\tFriede\n".write(to: folder.appendingPathComponent("g.tsv"), atomically: true, encoding: .utf8)
        let result = try Glossa.run(["glossary", "export", "--to", "deepl", "g.tsv"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "Krieg\twar\nFrieden\tpeace\nFriede\tpeace\n")
        let csv = try Glossa.run(["glossary", "export", "--to", "csv", "g.tsv"], in: folder)
        #expect(csv.stdout == "de,en,variants\r\nKrieg,war,\r\nFrieden,peace,Friede\r\n")
    }
}

@Suite(.serialized) struct GlossaryQueryCommandTests {
    @Test func findPrintsEntryFileAndLine() throws {
        let result = try Glossa.run(["glossary", "find", "Sanktionen"])
        #expect(result.status == 0)
        let first = try #require(result.stdout.split(separator: "\n").first)
        let fields = first.split(separator: "\t").map(String.init)
        #expect(fields.count == 5)
        #expect(fields[0].hasPrefix("Glossaries/de-en/terms.tsv:") || fields[0].contains("/Glossaries/de-en/terms.tsv:"))
        #expect(Array(fields[1...]) == ["inflected", "Sanktion", "sanction", "term"])
        let english = try Glossa.run(["glossary", "find", "Ceasefire"])
        #expect(english.stdout.contains("\tenglish\tWaffenstillstand\tceasefire\tterm\n"))
        let none = try Glossa.run(["glossary", "find", "Qqqqqqqq"])
        #expect(none.status == 1)
        #expect(none.stdout == "")
        #expect(none.stderr == "glossa: no entry for 'Qqqqqqqq'\n")
    }

    @Test func mergeWritesCanonicalOutputAndReportsConflicts() throws {
        let folder = try Glossa.temporaryFolder()
        try "de\ten\nKrieg\twar\nFrieden\tpeace\n".write(to: folder.appendingPathComponent("a.tsv"), atomically: true, encoding: .utf8)
        try "de\ten\nFrieden\tpeace treaty\nWaffe\tweapon\n".write(to: folder.appendingPathComponent("b.tsv"), atomically: true, encoding: .utf8)
        let result = try Glossa.run(["glossary", "merge", "a.tsv", "b.tsv", "-o", "m.tsv"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("glossa: conflict: 'Frieden': en 'peace' vs 'peace treaty' (kept a.tsv:3; b.tsv:2 written as a comment)"))
        #expect(try String(contentsOf: folder.appendingPathComponent("m.tsv"), encoding: .utf8)
            == "de\ten\n# merge conflict, from b.tsv:2: Frieden\tpeace treaty\nFrieden\tpeace\nKrieg\twar\nWaffe\tweapon\n")
        #expect(try Glossa.run(["glossary", "fmt", "--check", "m.tsv"], in: folder).status == 0)
    }

    @Test func statsOfTheBundledGlossaries() throws {
        let result = try Glossa.run(["glossary", "stats"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let total = try #require(lines.first { $0.hasPrefix("entries\t") }.flatMap { Int($0.dropFirst(8)) })
        #expect(total > 2000)
        let perFile = lines.filter { $0.hasPrefix("file\t") }.compactMap { $0.split(separator: "\t").last.flatMap { Int($0) } }
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.file("Glossaries/de-en").path).filter { $0.hasSuffix(".tsv") }
        #expect(perFile.count == files.count && files.count >= 11)
        #expect(perFile.reduce(0, +) == total)
        #expect(lines.contains("duplicates\t0"))
    }

    @Test func coverageListsCandidatesAsGlossaryTSV() throws {
        let folder = try Glossa.temporaryFolder()
        try "Gestern traf Lawrow den Karl Mustermann. Dann sprach Karl Mustermann mit Russland.\n".write(to: folder.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
        let result = try Glossa.run(["glossary", "coverage", "c.txt", "--top", "5"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("#   1\tSergej Lawrow\tSergey Lavrov\tpeople/sergej-lawrow\n"))
        #expect(result.stdout.contains("\nde\ten\ttype\tnote\nKarl Mustermann\t?\t\t2 occurrences\n"))
        // The candidate part parses as a glossary.
        let tsv = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        #expect(throws: Never.self) { try GlossaryFileCheck.parse(tsv) }
    }

    @Test(arguments: ["lint", "fmt", "add", "remove", "find", "merge", "export", "import", "stats", "coverage"])
    func everySubcommandHasHelpWithAnExample(name: String) throws {
        let result = try Glossa.run(["glossary", name, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("glossa glossary \(name)"), "no example in the help of \(name)")
    }
}

/// The CLI tests do not link GlossaGlossary; a minimal header check of the TSV instead.
enum GlossaryFileCheck {
    struct Bad: Error {}
    static func parse(_ text: String) throws {
        let lines = text.split(separator: "\n")
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false), header.starts(with: ["de", "en"]) else { throw Bad() }
        for line in lines.dropFirst() where line.split(separator: "\t", omittingEmptySubsequences: false).count > header.count { throw Bad() }
    }
}
