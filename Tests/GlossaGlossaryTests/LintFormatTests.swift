import Foundation
import GlossaGlossary
import GlossaTestSupport
import Testing

private let header = "de\ten\ttype\tstatus\tcase\tvariants\torig\tnote\tsource\n"

private func lint(_ files: [(String, String)]) throws -> [LintFinding] {
    try GlossaryLinter().lint(files.map { GlossaryLinter.Input(path: $0.0, text: $0.1) })
}

private func codes(_ findings: [LintFinding]) -> [String] { findings.map(\.code) }

@Suite struct LintTests {
    @Test func cleanFileHasNoFindings() throws {
        let findings = try lint([("a.tsv", header + "Außenministerium\tForeign Ministry\tterm\nrussisch\tRussian\tadjective\n")])
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func exactDuplicateIsAnErrorAtTheSecondRow() throws {
        let findings = try lint([("a.tsv", header + "Waffenruhe\tceasefire\nWaffenruhe\tceasefire\n")])
        let duplicate = try #require(findings.first { $0.code == "duplicate" })
        #expect(duplicate.line == 3)
        #expect(duplicate.column == 1)
        #expect(duplicate.severity == .error)
        #expect(duplicate.description == "a.tsv:3:1: error: duplicate: 'Waffenruhe' duplicates the entry at a.tsv:2")
    }

    @Test func conflictingEnglishAcrossFilesIsAnError() throws {
        let findings = try lint([("a.tsv", header + "Waffenruhe\tceasefire\n"), ("b.tsv", "de\ten\nWaffenruhe\ttruce\n")])
        let conflict = try #require(findings.first { $0.code == "conflict" })
        #expect(conflict.file == "b.tsv")
        #expect(conflict.line == 2)
        #expect(conflict.column == 12)
        #expect(conflict.message.contains("a.tsv:2"))
    }

    @Test func pluralBesideSingularIsAnInflectedForm() throws {
        let findings = try lint([("a.tsv", header + "Sanktion\tsanction\nSanktionen\tsanctions\nBotschaft\tembassy\nBotschafter\tambassador\n")])
        let inflected = findings.filter { $0.code == "inflected-form" }
        #expect(inflected.count == 1)
        #expect(inflected.first?.line == 3)
        #expect(inflected.first?.severity == .warning)
    }

    @Test func genitiveOfANameIsAnInflectedForm() throws {
        let findings = try lint([("a.tsv", header + "Russland\tRussia\tcountry\nRusslands\tRussia\tcountry\nWladimir Putins\tVladimir Putin\tperson\nParis\tParis\tcity\n")])
        let lines = findings.filter { $0.code == "inflected-form" }.map(\.line)
        #expect(lines == [3, 4])
    }

    @Test func textProblemsAreFoundWithColumns() throws {
        let decomposed = "Mu\u{308}nchen"
        let text = header + "\(decomposed)\tMunich\tcity\n" + " Kiew\tKyiv\tcity\n" + "Rote  Linie\tred line\n" + "Bell\u{7}\tbell\n" + "Kr\u{0435}ml\tKremlin\torg\n" + "Moskau\tМосква\tcity\n"
        let findings = try lint([("a.tsv", text)])
        #expect(findings.contains { $0.code == "not-nfc" && $0.line == 2 && $0.column == 1 })
        #expect(findings.contains { $0.code == "whitespace" && $0.line == 3 && $0.column == 1 })
        #expect(findings.contains { $0.code == "double-space" && $0.line == 4 && $0.column == 5 })
        #expect(findings.contains { $0.code == "control-character" && $0.line == 5 && $0.column == 5 && $0.message.contains("U+0007") })
        #expect(findings.contains { $0.code == "mixed-script" && $0.line == 6 })
        #expect(findings.contains { $0.code == "script" && $0.line == 7 && $0.column == 8 })
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    @Test func cyrillicInOrigIsFine() throws {
        let findings = try lint([("a.tsv", header + "Sergej Lawrow\tSergey Lavrov\tperson\t\t\t\tСергей Лавров\n")])
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func caseConflictAndUnknownTypeAreWarnings() throws {
        let findings = try lint([("a.tsv", header + "NATO\tNATO\torg\nNato\tNATO\torg\nFoo\tfoo\tgadget\n")])
        #expect(findings.contains { $0.code == "case-conflict" && $0.line == 3 && $0.severity == .warning })
        #expect(findings.contains { $0.code == "unknown-type" && $0.line == 4 && $0.column == 9 && $0.severity == .warning })
    }

    @Test func unknownStatusIsASyntaxError() throws {
        let findings = try lint([("a.tsv", header + "Foo\tfoo\tterm\tmaybe\n")])
        #expect(codes(findings) == ["syntax"])
        #expect(findings[0].line == 2)
        #expect(findings[0].column == 14)
    }

    @Test func overlongTermBreaksExports() throws {
        let long = String(repeating: "ä", count: 600)
        let findings = try lint([("a.tsv", header + "\(long)\tx\n")])
        #expect(findings.contains { $0.code == "export" && $0.message.contains("1200 UTF-8 bytes") })
    }

    @Test func variantThatIsAnotherEntryIsAWarning() throws {
        let findings = try lint([("a.tsv", header + "Georgien\tGeorgia\tcountry\t\t\tGrusinien\nGrusinien\tGeorgia (old)\tcountry\n")])
        let variant = try #require(findings.first { $0.code == "variant" })
        #expect(variant.line == 2)
        #expect(variant.column == 28)
        #expect(variant.severity == .warning)
    }

    @Test func bundledGlossariesHaveNoErrors() throws {
        let folder = TestSupport.file("Glossaries/de-en").path
        let inputs = try Glossary.tsvFiles(at: folder).map { GlossaryLinter.Input(path: $0, text: try Glossary.readText($0)) }
        #expect(inputs.count >= 10)
        let errors = try GlossaryLinter().lint(inputs).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(10).map(\.description).joined(separator: "\n"))")
    }
}

@Suite struct FormatTests {
    let messy = """
        # Header comment.
        en\tde\tzzz\ttype\taaa
        Zypern\tZypern\t\tcountry
        # About Ägypten.
        Egypt\tÄgypten\tx\tcountry\t

        Austria\tÖsterreich\t\tcountry
        Oman\tOman\t\tcountry\ty
        # trailing comment

        """

    @Test func canonicalFormSortsByGermanCollationAndKeepsComments() throws {
        let text = try GlossaryFormatter.canonicalText(of: messy, path: "m.tsv")
        #expect(text == """
            # Header comment.
            de\ten\ttype\taaa\tzzz
            # About Ägypten.
            Ägypten\tEgypt\tcountry\t\tx
            Oman\tOman\tcountry\ty
            Österreich\tAustria\tcountry
            Zypern\tZypern\tcountry
            # trailing comment

            """)
    }

    @Test func formattingIsIdempotent() throws {
        let once = try GlossaryFormatter.canonicalText(of: messy, path: "m.tsv")
        let twice = try GlossaryFormatter.canonicalText(of: once, path: "m.tsv")
        #expect(once == twice)
    }

    @Test func nfcAndTrimming() throws {
        let text = try GlossaryFormatter.canonicalText(of: "de\ten\nMu\u{308}nchen \tMunich\n", path: "m.tsv")
        #expect(text == "de\ten\nMünchen\tMunich\n")
    }

    @Test func orderDoesNotDependOnInputOrder() throws {
        // Property: every shuffle of the rows (with their comments) formats to the same text.
        let file = try GlossaryFile.parse(try TestSupport.text("Glossaries/de-en/terms.tsv"), path: "terms.tsv")
        let expected = try GlossaryFormatter.format(file).serialized()
        var generator = SplitMix(seed: 20261129)
        for _ in 0..<20 {
            var shuffled = file
            shuffled.rows.shuffle(using: &generator)
            // Duplicated rows must sort deterministically too.
            let extra = shuffled.rows[0]
            shuffled.rows.insert(extra, at: Int(generator.next() % UInt64(shuffled.rows.count)))
            var reference = file
            reference.rows.append(extra)
            #expect(try GlossaryFormatter.format(shuffled).serialized() == GlossaryFormatter.format(reference).serialized())
        }
        #expect(try GlossaryFormatter.format(shuffled(file, &generator)).serialized() == expected)
    }

    private func shuffled(_ file: GlossaryFile, _ generator: inout SplitMix) -> GlossaryFile {
        var copy = file
        copy.rows.shuffle(using: &generator)
        return copy
    }

    @Test(arguments: try Glossary.tsvFiles(at: TestSupport.file("Glossaries/de-en").path))
    func bundledFileIsCanonical(path: String) throws {
        let text = try Glossary.readText(path)
        #expect(try GlossaryFormatter.canonicalText(of: text, path: path) == text, "\(path) is not canonical: run swift run glossa glossary fmt")
    }
}

@Suite struct EditingTests {
    let file = try! GlossaryFile.parse("de\ten\ttype\nWaffenruhe\tceasefire\tterm\n", path: "t.tsv")

    @Test func addKeepsTheFileCanonical() throws {
        let edited = try GlossaryEditing.add(["de": "Abrüstung", "en": "disarmament", "note": "n"], to: file, force: false)
        #expect(edited.serialized() == "de\ten\ttype\tnote\nAbrüstung\tdisarmament\t\tn\nWaffenruhe\tceasefire\tterm\n")
    }

    @Test func addRefusesDuplicatesAndConflictsUnlessForced() throws {
        #expect(throws: GlossaryEditing.Refusal.self) { try GlossaryEditing.add(["de": "Waffenruhe", "en": "ceasefire"], to: file, force: false) }
        do {
            _ = try GlossaryEditing.add(["de": "Waffenruhe", "en": "truce"], to: file, force: false)
            Issue.record("conflict accepted")
        } catch let refusal as GlossaryEditing.Refusal {
            #expect(refusal.kind == .conflict)
            #expect(refusal.message.contains("t.tsv:2"))
        }
        let forced = try GlossaryEditing.add(["de": "Waffenruhe", "en": "truce"], to: file, force: true)
        #expect(forced.rows.count == 2)
    }

    @Test func removeNamesTheFileWhenNothingMatches() throws {
        let (edited, count) = try GlossaryEditing.remove(de: "Waffenruhe", en: nil, from: file)
        #expect(count == 1)
        #expect(edited.rows.isEmpty)
        #expect(throws: GlossaryEditing.Refusal.self) { try GlossaryEditing.remove(de: "Waffenruhe", en: "truce", from: file) }
    }
}

@Suite struct SafeFileWriterTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-safe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesAtomicallyAndLeavesNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("g.tsv").path
        try "de\ten\nA\tB\n".write(toFile: path, atomically: false, encoding: .utf8)
        let (_, snapshot) = try SafeFileWriter.read(path)
        try SafeFileWriter.write("de\ten\nC\tD\n", over: snapshot)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "de\ten\nC\tD\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["g.tsv"])
    }

    @Test func refusesAFileChangedSinceItWasRead() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("g.tsv").path
        try "de\ten\nA\tB\n".write(toFile: path, atomically: false, encoding: .utf8)
        let (_, snapshot) = try SafeFileWriter.read(path)
        try "de\ten\nA\tB\nX\tY\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect {
            try SafeFileWriter.write("de\ten\nC\tD\n", over: snapshot)
        } throws: { error in
            (error as? GlossaryError)?.code == .changedOnDisk
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "de\ten\nA\tB\nX\tY\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["g.tsv"])
    }

    @Test func writingThroughASymbolicLinkReplacesItsTargetAndKeepsTheLink() throws {
        let folder = try temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try fm.createDirectory(at: folder.appendingPathComponent("links"), withIntermediateDirectories: true)
        let real = folder.appendingPathComponent("data/real.tsv").path
        try "de\ten\nA\tB\n".write(toFile: real, atomically: false, encoding: .utf8)
        // A relative link in another folder, and a link to that link.
        let link = folder.appendingPathComponent("links/link.tsv").path
        try fm.createSymbolicLink(atPath: link, withDestinationPath: "../data/real.tsv")
        let second = folder.appendingPathComponent("second.tsv").path
        try fm.createSymbolicLink(atPath: second, withDestinationPath: link)

        let (_, snapshot) = try SafeFileWriter.read(second)
        try SafeFileWriter.write("de\ten\nC\tD\n", over: snapshot)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "de\ten\nC\tD\n")
        #expect(try fm.destinationOfSymbolicLink(atPath: link) == "../data/real.tsv")
        #expect(try fm.destinationOfSymbolicLink(atPath: second) == link)
        // The temporary file was made (and renamed) beside the target: no file is left anywhere.
        #expect(try fm.contentsOfDirectory(atPath: folder.appendingPathComponent("data").path) == ["real.tsv"])
        #expect(try fm.contentsOfDirectory(atPath: folder.appendingPathComponent("links").path) == ["link.tsv"])
        #expect(try fm.contentsOfDirectory(atPath: folder.path).sorted() == ["data", "links", "second.tsv"])

        // A link whose target does not exist yet: the target is created, the link kept.
        let dangling = folder.appendingPathComponent("new-link.tsv").path
        try fm.createSymbolicLink(atPath: dangling, withDestinationPath: "data/new.tsv")
        try SafeFileWriter.writeAtomically(Data("de\ten\n".utf8), to: dangling)
        #expect(try String(contentsOfFile: folder.appendingPathComponent("data/new.tsv").path, encoding: .utf8) == "de\ten\n")
        #expect(try fm.destinationOfSymbolicLink(atPath: dangling) == "data/new.tsv")

        // A loop of links is an error, not a hang; nothing is written.
        let loopA = folder.appendingPathComponent("loop-a.tsv").path, loopB = folder.appendingPathComponent("loop-b.tsv").path
        try fm.createSymbolicLink(atPath: loopA, withDestinationPath: "loop-b.tsv")
        try fm.createSymbolicLink(atPath: loopB, withDestinationPath: "loop-a.tsv")
        #expect {
            try SafeFileWriter.writeAtomically(Data("x".utf8), to: loopA)
        } throws: { error in
            (error as? GlossaryError)?.message == "too many levels of symbolic links"
        }
        #expect(try fm.destinationOfSymbolicLink(atPath: loopA) == "loop-b.tsv")
    }

    @Test func failureBeforeRenameLeavesTheOriginal() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("g.tsv").path
        try "de\ten\nA\tB\n".write(toFile: path, atomically: false, encoding: .utf8)
        // A folder that cannot take the temporary file: writing must fail, the original stays.
        #expect(throws: GlossaryError.self) { try SafeFileWriter.writeAtomically(Data("x".utf8), to: folder.appendingPathComponent("missing/g.tsv").path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "de\ten\nA\tB\n")
    }
}

@Suite struct LineEndingTests {
    @Test func crlfFilesParseAndFormatToLF() throws {
        let file = try GlossaryFile.parse("de\ten\r\nRussland\tRussia\r\n", path: "c.tsv")
        #expect(file.rows.count == 1)
        #expect(file.rows[0]["en"] == "Russia")
        #expect(try GlossaryFormatter.canonicalText(of: "de\ten\r\nRussland\tRussia\r\n", path: "c.tsv") == "de\ten\nRussland\tRussia\n")
    }
}
