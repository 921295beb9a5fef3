#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation

/// Exit codes scripts can rely on.
enum ExitStatus {
    /// Findings were reported (lint, check).
    static let findings = ExitCode(1)
    /// Bad usage or bad input: a one-line message went to stderr.
    static let inputError = ExitCode(2)
}

/// An error the CLI reports as one line on stderr, then exits 2.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Runs `body`, turning any error into a one-line message and exit code 2.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        printError("glossa: \(error)")
        throw ExitStatus.inputError
    }
}

/// Buffered standard output: commands write here and flush once at the end.
final class OutputSink {
    private var buffer: [UInt8] = []
    private let handle: FileHandle

    init(path: String?) throws {
        if let path, path != "-" {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CLIError("\(path): cannot create output file")
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CLIError("\(path): cannot open output file for writing")
            }
            self.handle = handle
        } else {
            handle = FileHandle.standardOutput
        }
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Bytes (valid UTF-8); a large block is written at once, without copying it into the buffer.
    func write(bytes: [UInt8]) {
        if bytes.count >= 1 << 16 {
            flush()
            handle.write(Data(bytes))
        } else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { flush() }
        }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Whether standard error is a terminal (progress is shown only there).
var standardErrorIsTerminal: Bool { isatty(2) != 0 }
/// Whether standard output is a terminal with color allowed (`NO_COLOR` unset).
var standardOutputWantsColor: Bool {
    isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
}
