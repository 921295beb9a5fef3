#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GlossaText

/// The one place where Glossa rewrites a file it has read, without ever losing data.
///
/// 1. `read` records the exact bytes of the file (a snapshot).
/// 2. `write` refuses when the file on disk no longer holds those bytes (someone edited it
///    in between), writes the new content to a temporary file in the same folder, `fsync`s
///    it, and `rename(2)`s it over the original; then it `fsync`s the folder.
///
/// A path that is a symbolic link is written where the link points: the temporary file is made
/// in the target's folder and renamed over the target, so the link stays a link.
///
/// `rename(2)` within one file system is atomic: a reader (or a crash) sees either the old
/// file or the new one, never a half-written file. If anything fails before the rename, the
/// temporary file is removed and the original is untouched.
public enum SafeFileWriter {
    /// What a file held when it was read.
    public struct Snapshot: Sendable, Hashable {
        public let path: String
        /// The bytes read; nil when the file did not exist (a new file may then be created).
        public let bytes: Data?
        public init(path: String, bytes: Data?) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// Reads a file and records what it held.
    public static func read(_ path: String) throws(GlossaryError) -> (text: String, snapshot: Snapshot) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GlossaryError(file: path, line: 0, column: 0, code: .io, message: InputText.whyUnreadable(path))
        }
        let text = try Glossary.readText(path, data: data)
        return (text, Snapshot(path: path, bytes: data))
    }

    /// A snapshot for a file about to be created: the write fails if it appears meanwhile.
    public static func newFile(_ path: String) -> Snapshot { Snapshot(path: path, bytes: nil) }

    /// Writes `content` over the snapshot's file, atomically.
    /// - Throws: `GlossaryError` with code `.changedOnDisk` when the file changed since it was
    ///   read, `.io` when writing fails. The original is untouched in both cases.
    public static func write(_ content: String, over snapshot: Snapshot, fileMode: mode_t = 0o644) throws(GlossaryError) {
        let path = snapshot.path
        let current = FileManager.default.contents(atPath: path)
        if current != snapshot.bytes {
            throw GlossaryError(file: path, line: 0, column: 0, code: .changedOnDisk,
                                message: snapshot.bytes == nil ? "the file was created by someone else meanwhile; not overwritten"
                                    : "the file changed on disk since it was read; not overwritten (run the command again)")
        }
        try writeAtomically(Data(content.utf8), to: path, fileMode: fileMode)
    }

    /// Writes bytes to `path` through a temporary file in the same folder, fsync and rename.
    /// When `path` is a symbolic link, the file it points to is replaced (the temporary file is
    /// made in that file's folder) and the link stays a link.
    public static func writeAtomically(_ data: Data, to givenPath: String, fileMode: mode_t = 0o644) throws(GlossaryError) {
        let path = try target(of: givenPath)
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array("\(folder)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw GlossaryError(file: path, line: 0, column: 0, code: .io, message: "cannot create a temporary file in \(folder): \(errorText())")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var done = false
        defer {
            if !done { unlink(temporary) }
        }
        // Keep the original's permissions when it exists.
        var info = stat()
        let mode = stat(path, &info) == 0 ? info.st_mode & 0o7777 : fileMode
        fchmod(fd, mode)
        let pause = testPause()
        let ok = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            // Write in pieces so that a test can stop the process half-way.
            let piece = pause == "mid-write" ? max(1, buffer.count / 2) : buffer.count
            while offset < buffer.count {
                let written = Glossa_write(fd, buffer.baseAddress! + offset, min(piece, buffer.count - offset))
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
                if pause == "mid-write" && offset < buffer.count && offset >= buffer.count / 2 {
                    pauseForTest(pause)
                }
            }
            return true
        }
        if !ok {
            let message = errorText()
            close(fd)
            throw GlossaryError(file: path, line: 0, column: 0, code: .io, message: "cannot write the temporary file: \(message)")
        }
        if fsync(fd) != 0 {
            let message = errorText()
            close(fd)
            throw GlossaryError(file: path, line: 0, column: 0, code: .io, message: "cannot fsync the temporary file: \(message)")
        }
        close(fd)
        if pause == "before-rename" { pauseForTest(pause) }
        guard rename(temporary, path) == 0 else {
            throw GlossaryError(file: path, line: 0, column: 0, code: .io, message: "cannot rename the temporary file over the original: \(errorText())")
        }
        done = true
        // Make the rename durable.
        let folderFD = open(folder, O_RDONLY)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }

    /// The file a write to `path` should replace: `path` itself, or, when it is a symbolic
    /// link, the file at the end of its chain of links (which need not exist yet). A relative
    /// link is read relative to the link's own folder. Only the last component is followed:
    /// links among the folders above it are left to the system, as for any path.
    static func target(of path: String) throws(GlossaryError) -> String {
        var current = path
        // Linux and macOS give up on a chain of more than 40 and 32 links (ELOOP).
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else {
                throw GlossaryError(file: path, line: 0, column: 0, code: .io, message: "cannot read the symbolic link \(current): \(errorText())")
            }
            let destination = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if destination.hasPrefix("/") {
                current = destination
            } else {
                let folder = (current as NSString).deletingLastPathComponent
                current = folder.isEmpty ? destination : (folder as NSString).appendingPathComponent(destination)
            }
        }
        throw GlossaryError(file: path, line: 0, column: 0, code: .io, message: "too many levels of symbolic links")
    }

    /// Tests of interrupted writes set `GLOSSA_TEST_PAUSE_WRITE` to `mid-write` (half the temporary
    /// file written) or `before-rename` (written and synced, not yet renamed): the writer then
    /// prints `glossa: paused <point>` on stderr and sleeps, so the test can SIGKILL it there.
    private static func testPause() -> String? {
        guard let value = ProcessInfo.processInfo.environment["GLOSSA_TEST_PAUSE_WRITE"], !value.isEmpty else { return nil }
        return value
    }

    private static func pauseForTest(_ point: String?) {
        guard let point else { return }
        FileHandle.standardError.write(Data("glossa: paused \(point)\n".utf8))
        sleep(30)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}

/// `write(2)`, named apart from Swift's `write` methods in scope.
@inline(__always)
private func Glossa_write(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, pointer, count)
    #else
    return Darwin.write(fd, pointer, count)
    #endif
}

extension Glossary {
    /// Decodes the bytes of a glossary file as UTF-8 (a BOM is dropped); invalid UTF-8 is an
    /// `.encoding` error naming its line, column and byte offset.
    public static func readText(_ path: String, data: Data) throws(GlossaryError) -> String {
        do {
            return try InputText.decode(data, source: path)
        } catch {
            throw GlossaryError(file: path, line: error.line, column: error.column, code: .encoding,
                                message: "invalid UTF-8 at byte offset \(error.byteOffset)")
        }
    }
}
