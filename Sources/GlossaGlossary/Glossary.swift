import Foundation
import GlossaText

/// Glossary entries loaded from one or more files, in load order.
///
/// Precedence: when two files define the same German term (same matching key), the file
/// loaded later wins for matching; both entries stay in `entries`.
public struct Glossary: Sendable {
    public struct Source: Sendable, Hashable {
        public let path: String
        public let entries: Int
        public init(path: String, entries: Int) {
            self.path = path
            self.entries = entries
        }
    }

    /// All entries, in load order (file by file, row by row).
    public private(set) var entries: [GlossaryEntry]
    /// The files, in load order, with their entry counts.
    public private(set) var sources: [Source]

    public init(entries: [GlossaryEntry] = [], sources: [Source] = []) {
        self.entries = entries
        self.sources = sources
    }

    /// Adds a parsed file's entries after the ones loaded so far.
    public mutating func add(_ file: GlossaryFile) {
        add(file.entries, path: file.path)
    }

    /// Adds a file's entries after the ones loaded so far.
    mutating func add(_ fileEntries: [GlossaryEntry], path: String) {
        if entries.isEmpty {
            entries = fileEntries
        } else {
            entries.append(contentsOf: fileEntries)
        }
        sources.append(Source(path: path, entries: fileEntries.count))
    }

    /// Loads glossary files and folders (every `*.tsv` below a folder, in path order).
    /// - Throws: `GlossaryError` for a missing path, an unreadable file or a syntax error.
    public static func load(paths: [String]) throws(GlossaryError) -> Glossary {
        var glossary = Glossary()
        for path in paths {
            for file in try tsvFiles(at: path) {
                glossary.add(try GlossaryFile.entries(parsing: try readText(file), path: file), path: file)
            }
        }
        return glossary
    }

    /// The `*.tsv` files at `path`: the file itself, or every one below a folder, sorted.
    public static func tsvFiles(at path: String) throws(GlossaryError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw GlossaryError(file: path, line: 0, column: 0, code: .io, message: "no such file or folder")
        }
        guard isFolder.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            throw GlossaryError(file: path, line: 0, column: 0, code: .io, message: "cannot list folder")
        }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".tsv") { files.append((path as NSString).appendingPathComponent(relative)) }
        }
        return files.sorted()
    }

    /// Reads a glossary file as UTF-8 (a BOM is dropped).
    public static func readText(_ path: String) throws(GlossaryError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GlossaryError(file: path, line: 0, column: 0, code: .io, message: InputText.whyUnreadable(path))
        }
        return try readText(path, data: data)
    }

    /// Finds the bundled glossaries: `$GLOSSA_GLOSSARIES`; else `Glossaries` beside the
    /// executable or in `../share/glossa/` from it; else the source package's `Glossaries`.
    public static func bundledPath(executable: String = CommandLine.arguments.first ?? "") -> String? {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["GLOSSA_GLOSSARIES"], !path.isEmpty {
            return path
        }
        let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [exe.appendingPathComponent("Glossaries"), exe.appendingPathComponent("../share/glossa/Glossaries")] {
            if fm.fileExists(atPath: candidate.path) { return candidate.standardizedFileURL.path }
        }
        // The package's own folder (this file is Sources/GlossaGlossary/Glossary.swift).
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Glossaries")
        if fm.fileExists(atPath: package.path) { return package.path }
        return nil
    }
}
