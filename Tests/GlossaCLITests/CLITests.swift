import Foundation
import GlossaTestSupport
import Testing

@Suite struct CLITests {
    @Test func helpAndVersion() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("annotate"))
        #expect(help.stdout.contains("Exit codes"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3)
        for command in ["annotate", "tokenize", "stem", "match", "translit", "glossary"] {
            let sub = try CLI.run([command, "--help"])
            #expect(sub.status == 0, "\(command) --help")
            #expect(sub.stdout.contains("USAGE"), "\(command) --help prints usage")
        }
    }

    /// Help reads well in an 80-column terminal: prose paragraphs are single lines (wrapped to
    /// the terminal's width by the argument parser, whatever it is), and the lines of lists and
    /// examples, which keep their indentation only if they are not wrapped, fit in 80 columns.
    @Test func helpTextIsLaidOutForAnyWidth() throws {
        var commands: [[String]] = [[], ["annotate"], ["tokenize"], ["stem"], ["match"], ["translit"], ["glossary"]]
        for group in ["translit", "glossary"] {
            let help = try CLI.run([group, "--help"]).stdout
            let listed = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
            for line in listed.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("   ") {
                if let name = line.split(separator: " ").first, !name.isEmpty, name != "See" { commands.append([group, String(name)]) }
            }
        }
        #expect(commands.count > 12, "subcommands found: \(commands)")
        for command in commands {
            // Unwrapped, everything before the usage line is the abstract and the discussion.
            let help = try CLI.run(command + ["--help"], environment: ["COLUMNS": "1000"])
            #expect(help.status == 0)
            let text = help.stdout.components(separatedBy: "\nUSAGE:").first ?? ""
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (i, line) in lines.enumerated() {
                if line.hasPrefix(" ") {
                    #expect(line.count <= 80, "glossa \(command.joined(separator: " ")) --help: a list or example line wraps at 80 columns: \(line)")
                } else if i + 1 < lines.count, !line.isEmpty, let next = lines[i + 1].first, next != " " {
                    // Two prose lines in a row: the first ends a sentence (else it is a paragraph
                    // broken by hand, which the parser would wrap raggedly).
                    #expect(line.hasSuffix(".") || line.hasSuffix(":") || line.hasSuffix(".)"),
                            "glossa \(command.joined(separator: " ")) --help: a line broken inside a sentence: \(line)")
                }
            }
        }
    }

    /// Every repository path an example in --help names exists.
    @Test func helpExamplesNameFilesThatExist() throws {
        var commands: [[String]] = [[], ["annotate"], ["tokenize"], ["stem"], ["match"], ["translit"], ["glossary"]]
        for group in ["translit", "glossary"] {
            let listed = try CLI.run([group, "--help"]).stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
            for line in listed.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("   ") {
                if let name = line.split(separator: " ").first, !name.isEmpty, name != "See" { commands.append([group, String(name)]) }
            }
        }
        var named = 0
        for command in commands {
            let help = try CLI.run(command + ["--help"], environment: ["COLUMNS": "1000"]).stdout
            for word in help.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.hasPrefix("Fixtures/") || word.hasPrefix("Glossaries/") {
                let path = String(word).trimmingCharacters(in: CharacterSet(charactersIn: ".,;:)"))
                named += 1
                #expect(FileManager.default.fileExists(atPath: TestSupport.file(path).path), "glossa \(command.joined(separator: " ")) --help names \(path), which does not exist")
            }
        }
        #expect(named > 3)
    }

    /// The examples of `glossary add --help` and `remove --help` work on the bundled glossary
    /// they name (run on a copy): the added term is not there yet, and remove takes it out again.
    @Test func addAndRemoveHelpExamplesWork() throws {
        func example(_ command: String) throws -> [String] {
            let help = try CLI.run(["glossary", command, "--help"], environment: ["COLUMNS": "1000"]).stdout
            let lines = help.components(separatedBy: "Example:\n").last?.components(separatedBy: "\n\n").first ?? ""
            let joined = lines.replacingOccurrences(of: "\\\n", with: " ")
            // Shell words: spaces separate, double quotes group.
            var words: [String] = [], word = "", quoted = false, inWord = false
            for character in joined {
                if character == "\"" { quoted.toggle(); inWord = true } else if (character == " " || character == "\n") && !quoted {
                    if inWord { words.append(word) }
                    word = ""
                    inWord = false
                } else { word.append(character); inWord = true }
            }
            if inWord { words.append(word) }
            #expect(Array(words.prefix(3)) == ["glossa", "glossary", command])
            return Array(words.dropFirst())
        }
        let add = try example("add"), remove = try example("remove")
        let file = try #require(add.dropFirst(2).first)
        #expect(remove.dropFirst(2).first == file)
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-example-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: copy) }
        let original = try Data(contentsOf: TestSupport.file(file))
        try original.write(to: copy)
        let added = try CLI.run(add.map { $0 == file ? copy.path : $0 })
        #expect(added.status == 0, "the example of glossary add --help fails: \(added.stderr)")
        let removed = try CLI.run(remove.map { $0 == file ? copy.path : $0 })
        #expect(removed.status == 0, "the example of glossary remove --help fails: \(removed.stderr)")
        #expect(try Data(contentsOf: copy) == original)
    }

    /// README's JSON excerpt is the actual output: each object it shows appears as it is in
    /// `glossa annotate --format json` of the fixture it names.
    @Test func readmeJSONExcerptIsTheActualOutput() throws {
        let readme = try TestSupport.text("README.md")
        let section = try #require(readme.components(separatedBy: "### The JSON contract").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "```").first)
        // The block wraps the one output line: its line breaks and indentation are not in it.
        let compact = block.split(separator: "\n").map { $0.drop { $0 == " " } }.joined()
        let result = try CLI.run(["annotate", "--format", "json", "Fixtures/de/kuba-russland.txt"])
        #expect(result.status == 0)
        var objects = 0
        var depth = 0, start = compact.startIndex
        for index in compact.indices {
            if compact[index] == "{" { depth += 1; start = index }
            if compact[index] == "}" {
                // Innermost objects only (no "{" since the last one opened).
                if !compact[start..<index].dropFirst().contains("{") && compact[start] == "{" {
                    let object = String(compact[start...index])
                    objects += 1
                    #expect(result.stdout.contains(object), "README's JSON example shows \(object), which the output does not have")
                }
                depth -= 1
                start = compact.index(after: index)
            }
        }
        #expect(objects >= 6)
    }

    @Test func tokenizeJSONContractFromStdin() throws {
        let result = try CLI.run(["tokenize", "-"], input: "Russland und Kuba.")
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sentences = try #require(json["sentences"] as? [[String: Any]])
        let tokens = try #require(sentences.first?["tokens"] as? [[String: Any]])
        #expect(tokens.count == 4)
        #expect(tokens[0]["text"] as? String == "Russland")
        #expect(tokens[0]["start"] as? Int == 0 && tokens[0]["end"] as? Int == 8)
        #expect(tokens[0]["kind"] as? String == "word")
        #expect(tokens[0]["key"] as? String == "russland")
        #expect(tokens[0]["stem"] as? String == "russland")
        #expect(tokens[3]["kind"] as? String == "punct")
    }

    @Test func invalidUTF8IsAnInputError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-bad-\(UUID().uuidString).txt")
        try Data([0x4B, 0x75, 0x62, 0x61, 0x20, 0xFF, 0x0A]).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try CLI.run(["tokenize", path.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("byte offset 5"))
        #expect(result.stderr.contains(path.path))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let check = try CLI.run(["translit", "check", path.path])
        #expect(check.status == 2)
        #expect(check.stderr.contains("byte offset 5"))
        let lossy = try CLI.run(["tokenize", "--lossy", "--format", "text", path.path])
        #expect(lossy.status == 0)
        #expect(lossy.stdout.contains("\u{FFFD}"))
    }

    /// A file that starts with two byte order marks: the first is dropped, the second is a
    /// character of the text (Python: `open(path, encoding="utf-8-sig")`), so "Kuba" is at 1.
    @Test func onlyOneByteOrderMarkIsDropped() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-bom-\(UUID().uuidString).txt")
        try Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("Kuba und Moskau.\n".utf8)).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let annotate = try CLI.run(["annotate", "--format", "json", path.path])
        #expect(annotate.status == 0, "\(annotate.stderr)")
        #expect(annotate.stdout.contains("{\"start\":1,\"end\":5,\"text\":\"Kuba\""), "\(annotate.stdout)")
        #expect(annotate.stdout.contains("{\"start\":10,\"end\":16,\"text\":\"Moskau\""), "\(annotate.stdout)")
        let match = try CLI.run(["match", path.path])
        #expect(match.stdout.contains("\n1\t5\tKuba\tCuba\t"), "\(match.stdout)")
        // The last column is the entry's status.
        #expect(match.stdout.hasPrefix("start\tend\ttext\tgloss\ttype\tmatch\tentry\tsource\tstatus\n"), "\(match.stdout)")
        #expect(match.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix("\tpreferred") }, "\(match.stdout)")
        let deprecated = try CLI.run(["match", "-"], input: "Swasiland")
        #expect(deprecated.stdout.hasSuffix("\tdeprecated\n"), "\(deprecated.stdout)")
        let tokens = try CLI.run(["tokenize", "--format", "tsv", path.path])
        #expect(tokens.stdout.contains("\t1\t5\tword\tKuba\t"), "\(tokens.stdout)")
    }

    /// Invalid UTF-8 in a glossary or a text: one line naming file, line, 1-based column and byte
    /// offset, exit 2; commands that read text accept --lossy, and only they suggest it.
    @Test func invalidUTF8NamesLineAndColumnEverywhere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-utf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossary = folder.appendingPathComponent("g.tsv"), text = folder.appendingPathComponent("t.txt")
        try Data(Array("de\ten\nKuba\tCuba\nab".utf8) + [0xFF] + Array("\tx\n".utf8)).write(to: glossary)
        try Data(Array("Kuba und\nMos".utf8) + [0xFF] + Array("kau.\n".utf8)).write(to: text)

        let lint = try CLI.run(["glossary", "lint", glossary.path])
        #expect(lint.status == 2)
        #expect(lint.stderr == "glossa: \(glossary.path):3:3: invalid UTF-8 at byte offset 18\n")
        let annotate = try CLI.run(["annotate", "--glossary", glossary.path, "-"], input: "Kuba")
        #expect(annotate.status == 2)
        #expect(annotate.stderr.contains("g.tsv:3:3: invalid UTF-8 at byte offset 18"), "\(annotate.stderr)")

        let hint = " (use --lossy to replace invalid bytes with U+FFFD)\n"
        for command in [["glossary", "coverage"], ["translit", "check"], ["tokenize"], ["match"], ["annotate"]] {
            let strict = try CLI.run(command + [text.path])
            #expect(strict.status == 2, "\(command)")
            #expect(strict.stderr == "glossa: \(text.path):2:4: invalid UTF-8 at byte offset 12" + hint, "\(command)")
            let lossy = try CLI.run(command + ["--lossy", text.path])
            #expect(lossy.status != 2, "\(command) --lossy: \(lossy.stderr)")
        }
        // Standard input of stem and translit: the same rules.
        let badStem = try CLI.run(["stem"], inputBytes: Array("Häuser\n".utf8) + [0xFF, 0x0A])
        #expect(badStem.status == 2)
        #expect(badStem.stderr == "glossa: <stdin>:2:1: invalid UTF-8 at byte offset 8" + hint)
        let lossyStem = try CLI.run(["stem", "--lossy"], inputBytes: Array("Häuser\r\n".utf8) + [0x41, 0xFF, 0x0A])
        #expect(lossyStem.status == 0)
        #expect(lossyStem.stdout == "haus\na\u{FFFD}\n")
        let translit = try CLI.run(["translit", "--to", "en"], inputBytes: Array("Борисов\nБор".utf8) + [0xFF])
        #expect(translit.status == 2)
        #expect(translit.stderr == "glossa: <stdin>:2:4: invalid UTF-8 at byte offset 21" + hint)
    }

    /// The glossary commands that read (lint, fmt as a filter, export, stats, merge, import)
    /// and coverage take "-" for standard input, named <stdin> in their messages.
    @Test func glossaryCommandsReadStandardInput() throws {
        let messy = "en\tde\nRussia\tRussland\nAustria\tÖsterreich\n"
        let lint = try CLI.run(["glossary", "lint", "-"], input: "de\ten\nKuba\t\n")
        #expect(lint.status == 1)
        #expect(lint.stdout == "<stdin>:2:6: error: syntax: empty 'en' field\n")
        let fmt = try CLI.run(["glossary", "fmt", "-"], input: messy)
        #expect(fmt.status == 0)
        #expect(fmt.stdout == "de\ten\nÖsterreich\tAustria\nRussland\tRussia\n")
        let check = try CLI.run(["glossary", "fmt", "--check", "-"], input: messy)
        #expect(check.status == 1)
        #expect(check.stdout == "<stdin>: not in canonical form (run glossa glossary fmt)\n")
        let export = try CLI.run(["glossary", "export", "--to", "deepl", "-"], input: messy)
        #expect(export.status == 0)
        #expect(export.stdout == "Russland\tRussia\nÖsterreich\tAustria\n")
        let stats = try CLI.run(["glossary", "stats", "-"], input: messy)
        #expect(stats.stdout.hasPrefix("entries\t2\nfile\t<stdin>\t2\n"))
        let merge = try CLI.run(["glossary", "merge", "-", "-o", "-"], input: messy)
        #expect(merge.stdout == "de\ten\nÖsterreich\tAustria\nRussland\tRussia\n")
        let imported = try CLI.run(["glossary", "import", "--from", "csv", "-"], input: "Kuba,Cuba\n")
        #expect(imported.status == 0)
        #expect(imported.stdout == "de\ten\ttype\tstatus\tcase\tvariants\torig\tnote\tsource\nKuba\tCuba\n")
        #expect(imported.stderr == "glossa: imported 1 entry from <stdin>; skipped 0\n")
        let coverage = try CLI.run(["glossary", "coverage", "-", "--top", "3"], input: "Gestern traf Lawrow den Karl Mustermann in Kuba.\n")
        #expect(coverage.status == 0, "\(coverage.stderr)")
        #expect(coverage.stdout.contains("#   1\tSergej Lawrow\tSergey Lavrov\tpeople/sergej-lawrow\n"))
        #expect(coverage.stdout.contains("\nKarl Mustermann\t?\t\t1 occurrence\n"))
    }

    /// Where "-" is not read, the message says why instead of "-: no such file".
    @Test func standardInputWhereItIsNotRead() throws {
        for (arguments, message) in [
            (["annotate", "--glossary", "-", "Fixtures/de/kuba-russland.txt"], "glossa: --glossary -: glossaries are read from files or folders, not from standard input\n"),
            (["glossary", "coverage", "--glossary", "-", "Fixtures/de/kuba-russland.txt"], "glossa: --glossary -: glossaries are read from files or folders, not from standard input\n"),
            (["glossary", "add", "-", "--de", "Bär", "--en", "bear"], "glossa: -: standard input cannot be edited in place (name a glossary file)\n"),
            (["glossary", "remove", "-", "--de", "Bär"], "glossa: -: standard input cannot be edited in place (name a glossary file)\n"),
            (["glossary", "lint", "-", "-"], "glossa: standard input (-) can be named only once\n"),
            (["glossary", "coverage", "-", "-"], "glossa: standard input (-) can be named only once\n"),
        ] {
            let result = try CLI.run(arguments, input: "de\ten\n")
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
        }
    }

    @Test func emptyFindQueryIsAUsageError() throws {
        for query in ["", "  "] {
            let result = try CLI.run(["glossary", "find", query])
            #expect(result.status == 2)
            #expect(result.stderr == "glossa: glossary find: the query is empty (give a German or English term)\n")
        }
    }

    @Test func missingFileAndBadOptionExitTwo() throws {
        let missing = try CLI.run(["tokenize", "/no/such/file.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/no/such/file.txt"))
        // A folder given as a text file is named as one (not a Foundation error number).
        let folder = try CLI.run(["annotate", TestSupport.root.appendingPathComponent("Fixtures").path])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("Fixtures: is a folder, not a file"), "\(folder.stderr)")
        let badOption = try CLI.run(["tokenize", "--format", "yaml", "-"], input: "")
        #expect(badOption.status == 2)
        #expect(badOption.stderr.contains("yaml"))
        let unknown = try CLI.run(["annotate", "--no-such-option"])
        #expect(unknown.status == 2)
        let help = try CLI.run(["annotate", "--help"])
        #expect(help.status == 0)
    }

    @Test func stemArgumentsAndStdin() throws {
        let args = try CLI.run(["stem", "Beziehungen", "russischen"])
        #expect(args.stdout == "bezieh\nrussisch\n")
        let stdin = try CLI.run(["stem"], input: "Häuser\nkategorischen\n")
        #expect(stdin.stdout == "haus\nkategor\n")
        let crlf = try CLI.run(["stem"], input: "Häuser\r\n\r\nkategorischen")
        #expect(crlf.stdout == "haus\n\nkategor\n")
    }

    @Test func matchUsesBundledGlossaries() throws {
        let result = try CLI.run(["match", "-"], input: "Juri Borissow traf in Moskau ein.")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Juri Borissow\tYury Borisov\tperson\texact"))
        #expect(result.stdout.contains("Moskau\tMoscow\tcity"))
        #expect(result.stdout.contains("Glossaries/de-en/"))
    }

    @Test func annotateJSONOffsetsHold() throws {
        let text = try TestSupport.text("Fixtures/de/kuba-russland.txt")
        let result = try CLI.run(["annotate", "--format", "json", "Fixtures/de/kuba-russland.txt"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let annotations = try #require(json["annotations"] as? [[String: Any]])
        #expect(annotations.count > 40)
        let scalars = Array(text.unicodeScalars)
        for annotation in annotations {
            let start = annotation["start"] as! Int, end = annotation["end"] as! Int
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == annotation["text"] as? String)
            #expect(annotation["entry"] is String)
            #expect((annotation["source"] as? String)?.hasPrefix("Glossaries/de-en/") == true)
        }
        let glossaries = try #require(json["glossaries"] as? [[String: Any]])
        #expect(glossaries.contains { ($0["path"] as? String) == "Glossaries/de-en/people.tsv" })
    }

    @Test func annotateCorpusSkipsBadRecordsOrStops() throws {
        let corpus = """
            {"id": "a", "text": "Moskau und Kuba."}
            {"id": "b", "text": 
            {"id": 7, "text": "Putin sprach."}

            """
        let lenient = try CLI.run(["annotate", "--input", "jsonl", "--format", "jsonl", "-"], input: corpus)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("line 2, byte offset 40"))
        let lines = lenient.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("\"document\":\"a\""))
        #expect(lines[1].contains("\"document\":\"7\""))
        let strict = try CLI.run(["annotate", "--input", "jsonl", "--strict", "--format", "jsonl", "-"], input: corpus)
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("line 2"))
    }

    /// One file per input (html, xliff with -o DIR): names that would clash are refused before
    /// anything is written; records without an id are named FILE-LINE.
    @Test func perInputOutputNamesNeverClash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Kuba.\n".write(to: folder.appendingPathComponent("k.txt"), atomically: true, encoding: .utf8)
        try "Moskau.\n".write(to: folder.appendingPathComponent("sub/k.txt"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("x").path
        let texts = try CLI.run(["annotate", "--format", "xliff", "-o", out, folder.appendingPathComponent("k.txt").path, folder.appendingPathComponent("sub/k.txt").path])
        #expect(texts.status == 2)
        #expect(texts.stderr == "glossa: \(folder.path)/k.txt and \(folder.path)/sub/k.txt would both be written to \(out)/k.xlf; nothing written (give them distinct names or ids, or annotate them in separate runs)\n")
        #expect(!FileManager.default.fileExists(atPath: out))

        let duplicate = "{\"id\": \"a\", \"text\": \"Kuba.\"}\n{\"text\": \"Moskau.\"}\n{\"id\": \"a\", \"text\": \"Kuba.\"}\n"
        let ids = try CLI.run(["annotate", "--input", "jsonl", "--format", "html", "-o", out, "-"], input: duplicate)
        #expect(ids.status == 2)
        #expect(ids.stderr == "glossa: <stdin> line 1 (id \"a\") and <stdin> line 3 (id \"a\") would both be written to \(out)/a.html; nothing written (give them distinct names or ids, or annotate them in separate runs)\n")
        #expect(!FileManager.default.fileExists(atPath: out))

        // Records without an id, ids with a slash or a leading dot: one file each.
        let corpus = folder.appendingPathComponent("corpus.jsonl")
        try "{\"text\": \"Kuba.\"}\n{\"text\": \"Moskau.\"}\n{\"id\": \"b/c\", \"text\": \"Kuba.\"}\n{\"id\": \"../z\", \"text\": \"Kuba.\"}\n{\"id\": 7, \"text\": \"Kuba.\"}\n"
            .write(to: corpus, atomically: true, encoding: .utf8)
        let unique = try CLI.run(["annotate", "--input", "jsonl", "--format", "html", "-o", out, corpus.path])
        #expect(unique.status == 0, "\(unique.stderr)")
        #expect(unique.stderr.hasPrefix("glossa: 5 documents,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["7.html", "_.._z.html", "b_c.html", "corpus-1.html", "corpus-2.html"])
    }

    @Test func glossaryErrorsNameFileLineColumn() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-bad-\(UUID().uuidString).tsv")
        try "de\ten\nKuba\t\n".write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try CLI.run(["match", "--glossary", path.path, "-"], input: "Kuba")
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path.path):2:6: empty 'en' field"))
    }

    @Test func bundledGlossariesFoundThroughEnvironment() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("de-en"), withIntermediateDirectories: true)
        try "de\ten\nKuba\tCUBA-FROM-ENV\n".write(to: folder.appendingPathComponent("de-en/x.tsv"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["match", "-"], input: "Kuba", environment: ["GLOSSA_GLOSSARIES": folder.path])
        #expect(result.stdout.contains("CUBA-FROM-ENV"))
    }
}

@Suite struct TransliterationIntegrationTests {
    @Test func lintWithTranslitFindsSpellingVariants() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-tr-\(UUID().uuidString).tsv")
        try "de\ten\ttype\torig\nSergej Riabkow\tSergei Ryabkov\tperson\t\nSergej Rjabkow\tSergei Ryabkov\tperson\tСергей Рябков\n"
            .write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let plain = try CLI.run(["glossary", "lint", path.path])
        #expect(!plain.stdout.contains("transliteration"))
        let withTranslit = try CLI.run(["glossary", "lint", "--translit", path.path])
        #expect(withTranslit.status == 1)
        #expect(withTranslit.stdout.contains("warning: transliteration: variant-spellings"))
        #expect(withTranslit.stdout.contains("Riabkow") && withTranslit.stdout.contains("Rjabkow"))
        let check = try CLI.run(["translit", "check", "--glossary", path.path, "--format", "json"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\"kind\":\"variant-spellings\""))
    }

    @Test func translitDetectsTheLanguagePerWord() throws {
        #expect(try CLI.run(["translit", "Москва Київ", "--to", "de"]).stdout == "Moskau Kiew\n")
        #expect(try CLI.run(["translit", "--to", "en"], input: "Горбачёв і Київ\nМосква Киев\n").stdout == "Gorbachev i Kyiv\nMoscow Kyiv\n")
    }

    @Test func coverageSuggestsEnglishForUnknownNames() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-cov-\(UUID().uuidString).txt")
        try "Der Minister Sergej Pupkow sprach. Pupkow kam wieder.\n".write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try CLI.run(["glossary", "coverage", path.path])
        #expect(result.stdout.contains("Pupkow\tPupkov\tperson"))
    }

    @Test func annotateGuessesUnknownNames() throws {
        let result = try CLI.run(["annotate", "--format", "json", "-"], input: "Der Minister Sergej Pupkow sprach in Moskau.")
        #expect(result.stdout.contains("\"text\":\"Sergej Pupkow\",\"gloss\":\"Sergei Pupkov\",\"type\":\"person\",\"match\":\"guess\",\"entry\":null,\"source\":null"))
        let off = try CLI.run(["annotate", "--format", "json", "--no-guesses", "-"], input: "Der Minister Sergej Pupkow sprach in Moskau.")
        #expect(!off.stdout.contains("guess"))
    }

    /// German places and German or Polish surnames that end like Russian ones are not guessed:
    /// the places come from german-places.tsv, the surnames from look-alikes.tsv and the
    /// spelling rule (Virchow).
    @Test func annotateLeavesGermanLookAlikesAlone() throws {
        let text = "Im Bezirk Pankow und in Treptow. Rudolf Virchow. Lukas Podolski. Teltow liegt bei Berlin. Sergej Pupkow kam."
        let result = try CLI.run(["annotate", "--format", "json", "-"], input: text)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let annotations = try #require(json["annotations"] as? [[String: Any]])
        let guesses = annotations.filter { ($0["match"] as? String) == "guess" }.compactMap { $0["text"] as? String }
        #expect(guesses == ["Sergej Pupkow"])
        for place in ["Pankow", "Treptow", "Teltow"] {
            #expect(annotations.contains { ($0["text"] as? String) == place && ($0["gloss"] as? String) == place
                && ($0["entry"] as? String)?.hasPrefix("german-places/") == true }, "\(place)")
        }
    }
}
