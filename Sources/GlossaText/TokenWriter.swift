/// Writers for `glossa tokenize`: the token JSON contract, TSV and plain text.
public enum TokenWriter {
    /// `{"sentences":[{"start":0,"end":57,"tokens":[{"text":..,"start":..,"end":..,"kind":..,"key":..,"stem":..}]}]}`
    public static func json(_ document: Document) -> String {
        var out = "{\"sentences\":["
        for (s, sentence) in document.sentences.enumerated() {
            // One sentence per line keeps large outputs and golden files readable and diffable.
            out += s > 0 ? ",\n" : "\n"
            out += "{\"start\":\(sentence.start),\"end\":\(sentence.end),\"tokens\":["
            for (t, token) in document.tokens(of: sentence).enumerated() {
                if t > 0 { out += "," }
                out += "{\"text\":"
                JSONString.append(document.text(of: token), to: &out)
                out += ",\"start\":\(token.start),\"end\":\(token.end),\"kind\":\"\(token.kind)\",\"key\":"
                JSONString.append(document.key(of: token), to: &out)
                out += ",\"stem\":"
                JSONString.append(document.stem(of: token), to: &out)
                out += "}"
            }
            out += "]}"
        }
        out += document.sentences.isEmpty ? "]}\n" : "\n]}\n"
        return out
    }

    /// One token per line: `sentence start end kind text key stem`, TAB-separated, with a header.
    public static func tsv(_ document: Document) -> String {
        var out = "sentence\tstart\tend\tkind\ttext\tkey\tstem\n"
        for (s, sentence) in document.sentences.enumerated() {
            for token in document.tokens(of: sentence) {
                out += "\(s + 1)\t\(token.start)\t\(token.end)\t\(token.kind)\t\(escapeTSV(document.text(of: token)))\t"
                out += "\(escapeTSV(document.key(of: token)))\t\(escapeTSV(document.stem(of: token)))\n"
            }
        }
        return out
    }

    /// One sentence per line, tokens separated by " | ".
    public static func text(_ document: Document) -> String {
        var out = ""
        for sentence in document.sentences {
            out += document.tokens(of: sentence).map { escapeTSV(document.text(of: $0)) }.joined(separator: " | ")
            out += "\n"
        }
        return out
    }

    /// One sentence per line (line breaks inside a sentence become spaces); with `oneLine`,
    /// the whole document on one line.
    public static func sentences(_ document: Document, oneLine: Bool = false) -> String {
        let lines = document.sentences.map { sentence in
            String(document.text(scalarRange: sentence.start..<sentence.end).map { $0.isNewline ? " " : $0 })
        }
        return oneLine ? lines.joined(separator: " ") + "\n" : lines.map { $0 + "\n" }.joined()
    }

    /// One line per sentence of `start:end` token spans; with `oneLine`, all on one line.
    public static func spans(_ document: Document, oneLine: Bool = false) -> String {
        let lines = document.sentences.map { sentence in
            document.tokens(of: sentence).map { "\($0.start):\($0.end)" }.joined(separator: " ")
        }
        return oneLine ? lines.joined(separator: " ") + "\n" : lines.map { $0 + "\n" }.joined()
    }

    /// Escapes TAB, line breaks and backslashes as `\t`, `\n`, `\r`, `\\`.
    public static func escapeTSV(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// JSON string literals (RFC 8259), escaping what JSON requires and nothing else.
public enum JSONString {
    public static func append(_ text: String, to out: inout String) {
        out += "\""
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            plain = false
            break
        }
        if plain {
            out += text
        } else {
            // Escape on bytes: UTF-8 multi-byte sequences never contain bytes below 0x80.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count + 16)
            for byte in text.utf8 { appendEscaped(byte, to: &bytes) }
            out += String(decoding: bytes, as: UTF8.self)
        }
        out += "\""
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// One byte of a JSON string's UTF-8, escaped as RFC 8259 requires (quote, backslash,
    /// control characters) and otherwise unchanged.
    @inline(__always)
    public static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        forEachEscapedByte(byte) { bytes.append($0) }
    }

    /// Calls `body` with each byte of one byte's escaped form (see `appendEscaped`).
    @inline(__always)
    public static func forEachEscapedByte(_ byte: UInt8, _ body: (UInt8) -> Void) {
        switch byte {
        case 0x22: body(0x5C); body(0x22)
        case 0x5C: body(0x5C); body(0x5C)
        case 0x0A: body(0x5C); body(0x6E)
        case 0x0D: body(0x5C); body(0x72)
        case 0x09: body(0x5C); body(0x74)
        case 0x00..<0x20:
            body(0x5C); body(0x75); body(0x30); body(0x30)
            body(hex[Int(byte >> 4)]); body(hex[Int(byte & 0xF)])
        default: body(byte)
        }
    }

    public static func quoted(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }
}
