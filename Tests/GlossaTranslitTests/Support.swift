import Foundation
import GlossaTranslit

/// Paths of the test data.
enum TestData {
    /// The repository root: three levels above this file.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `translit-samples` under `$GLOSSA_SHARED/data/` or a `shared/data/` folder beside the
    /// repository (or beside one of its parent folders, for git worktrees).
    static func samplesFolder() -> URL? {
        var candidates: [URL] = []
        if let shared = ProcessInfo.processInfo.environment["GLOSSA_SHARED"], !shared.isEmpty {
            candidates.append(URL(fileURLWithPath: shared).appendingPathComponent("data/translit-samples"))
            candidates.append(URL(fileURLWithPath: shared))
        }
        var folder = repositoryRoot
        for _ in 0..<3 {
            candidates.append(folder.appendingPathComponent("../shared/data/translit-samples").standardized)
            folder = folder.deletingLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("iuliia-samples.tsv").path) }
    }

    /// The pairs of one scheme in one samples file.
    static func pairs(file: String, scheme: String) throws -> [(cyrillic: String, latin: String)] {
        guard let folder = samplesFolder() else {
            throw TranslitError("translit-samples not found: expected ../shared/data/translit-samples beside the repository, or set GLOSSA_SHARED")
        }
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, fields[0] == scheme else { return nil }
            return (fields[1], fields[2])
        }
    }

    static func namesFile(_ name: String = "names.tsv") throws -> String {
        let url = repositoryRoot.appendingPathComponent("Tests/GlossaTranslitTests/Data").appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func exceptions() throws -> ExceptionTable {
        try ExceptionTable.load(contentsOf: repositoryRoot.appendingPathComponent("Glossaries/translit/exceptions.tsv"))
    }
}
