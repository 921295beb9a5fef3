import Foundation
import Testing

/// Paths and golden files shared by Glossa's test targets.
public enum TestSupport {
    /// The repository root (this file is Tests/GlossaTestSupport/TestSupport.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The project's shared data folder: `GLOSSA_SHARED`, else `../shared` beside the repository.
    public static var shared: URL {
        if let path = ProcessInfo.processInfo.environment["GLOSSA_SHARED"] { return URL(fileURLWithPath: path) }
        return root.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// A file of the repository, by relative path.
    public static func file(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The text of a repository file.
    public static func text(_ relative: String) throws -> String {
        try String(contentsOf: file(relative), encoding: .utf8)
    }

    /// A file under the shared data folder; records a test issue naming the folder when missing.
    public static func sharedFile(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let url = shared.appendingPathComponent(relative)
        if !FileManager.default.fileExists(atPath: url.path) {
            Issue.record("missing shared data \(url.path): set GLOSSA_SHARED to the shared folder", sourceLocation: sourceLocation)
            return nil
        }
        return url
    }

    /// Compares `actual` with the golden file `Fixtures/golden/NAME`; with `GLOSSA_RECORD=1`
    /// in the environment, writes it instead.
    public static func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = root.appendingPathComponent("Fixtures/golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GLOSSA_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(url.path): run with GLOSSA_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            let expectedLine = line < e.count ? String(e[line]) : "<end>"
            let actualLine = line < a.count ? String(a[line]) : "<end>"
            Issue.record("golden \(name) differs at line \(line + 1):\n expected: \(expectedLine.prefix(300))\n actual:   \(actualLine.prefix(300))\n(re-record with GLOSSA_RECORD=1 after review)", sourceLocation: sourceLocation)
        }
    }
}

/// Runs the built `glossa` executable, for end-to-end tests of the command line.
public enum CLI {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The built executable: `.build/debug/glossa` (or another build folder's) under the repository.
    public static var executable: URL? {
        let fm = FileManager.default
        for candidate in [".build/debug/glossa", ".build/x86_64-unknown-linux-gnu/debug/glossa", ".build/aarch64-unknown-linux-gnu/debug/glossa", ".build/arm64-apple-macosx/debug/glossa"] {
            let url = TestSupport.root.appendingPathComponent(candidate)
            if fm.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// A source file newer than `binary`, if any.
    static func staleSource(than binary: URL) -> String? {
        let fm = FileManager.default
        guard let built = (try? fm.attributesOfItem(atPath: binary.path))?[.modificationDate] as? Date else { return nil }
        let sources = TestSupport.root.appendingPathComponent("Sources")
        guard let walker = fm.enumerator(atPath: sources.path) else { return nil }
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".swift") || relative.hasSuffix(".c") || relative.hasSuffix(".h") || relative.hasSuffix(".txt") else { continue }
            // The other executables are not part of `glossa`.
            if relative.hasPrefix("GlossaBench/") || relative.hasPrefix("GlossaDataGen/") { continue }
            let path = sources.appendingPathComponent(relative).path
            if let modified = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified > built {
                return "Sources/" + relative
            }
        }
        return nil
    }

    /// Runs `glossa ARGUMENTS` in the repository root with `input` on standard input.
    public static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:],
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        try run(arguments, inputBytes: input.map { Array($0.utf8) }, environment: environment, sourceLocation: sourceLocation)
    }

    /// Runs `glossa ARGUMENTS` in the repository root with `inputBytes` (any bytes) on standard input.
    public static func run(_ arguments: [String], inputBytes: [UInt8]?, environment: [String: String] = [:],
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        guard let executable else {
            Issue.record("the glossa executable is not built: run `swift build` before `swift test`", sourceLocation: sourceLocation)
            return Result(status: -1, stdout: "", stderr: "")
        }
        // `swift test` does not link executables: a binary older than the sources would test old code.
        if let stale = staleSource(than: executable) {
            Issue.record("\(executable.path) is older than \(stale): run `swift build` before `swift test`", sourceLocation: sourceLocation)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = TestSupport.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "GLOSSA_GLOSSARIES")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let inputBytes { inPipe.fileHandleForWriting.write(Data(inputBytes)) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A small deterministic random generator (SplitMix64) for property-style tests: the same
/// numbers on every run.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
