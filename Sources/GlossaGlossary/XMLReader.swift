/// A small XML reader for terminology exchange files (TBX), safe by construction.
///
/// It reads elements, attributes, text, CDATA sections, comments and processing instructions,
/// and the five predefined entities plus character references. It never loads anything from
/// outside the file and never expands a declared entity: a document type declaration that
/// declares entities (`<!ENTITY`, the way both external-entity attacks and "billion laughs"
/// expansion bombs work) is refused, as is a reference to any entity it does not know.
/// A `<!DOCTYPE>` without declarations (naming a DTD file) is skipped; the DTD is not read.
public enum XMLReader {
    /// An element with its attributes (names as written, such as `xml:lang`) and children.
    public final class Element: Sendable {
        public let name: String
        public let attributes: [(name: String, value: String)]
        public let children: [Node]
        /// The 1-based line of the start tag.
        public let line: Int

        init(name: String, attributes: [(name: String, value: String)], children: [Node], line: Int) {
            self.name = name
            self.attributes = attributes
            self.children = children
            self.line = line
        }

        public subscript(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

        /// The child elements, optionally only those with a name.
        public func elements(_ name: String? = nil) -> [Element] {
            children.compactMap { node in
                if case .element(let element) = node, name == nil || element.name == name { return element }
                return nil
            }
        }

        /// All text inside, concatenated (markup such as `<hi>` dropped).
        public var text: String {
            children.map { node in
                switch node {
                case .text(let text): text
                case .element(let element): element.text
                }
            }.joined()
        }
    }

    public enum Node: Sendable {
        case element(Element)
        case text(String)
    }

    public struct Error: Swift.Error, Sendable, CustomStringConvertible, Equatable {
        public let file: String
        public let line: Int
        public let column: Int
        public let message: String
        public var description: String { "\(file):\(line):\(column): \(message)" }
    }

    /// Nesting deeper than this is refused (a guard against stack exhaustion).
    public static let maximumDepth = 200

    /// Parses a whole document and returns its root element.
    public static func parse(_ text: String, file: String) throws(Error) -> Element {
        var parser = Parser(scalars: Array(text.unicodeScalars), file: file)
        return try parser.document()
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let file: String
        var position = 0
        var line = 1
        var lineStart = 0

        init(scalars: [Unicode.Scalar], file: String) {
            self.scalars = scalars
            self.file = file
        }

        func fail(_ message: String, at offset: Int? = nil) -> Error {
            // Line and column of `offset` (default: the current position).
            let target = offset ?? position
            var line = 1, start = 0
            var index = 0
            while index < target && index < scalars.count {
                if scalars[index] == "\n" { line += 1; start = index + 1 }
                index += 1
            }
            return Error(file: file, line: line, column: target - start + 1, message: message)
        }

        var atEnd: Bool { position >= scalars.count }

        func peek(_ literal: String) -> Bool {
            var index = position
            for scalar in literal.unicodeScalars {
                guard index < scalars.count, scalars[index] == scalar else { return false }
                index += 1
            }
            return true
        }

        mutating func advance(_ count: Int = 1) {
            for _ in 0..<count where position < scalars.count {
                if scalars[position] == "\n" { line += 1; lineStart = position + 1 }
                position += 1
            }
        }

        mutating func skipSpace() {
            while !atEnd, [" ", "\t", "\n", "\r"].contains(scalars[position]) { advance() }
        }

        /// Skips to just after `terminator`.
        mutating func skip(past terminator: String, what: String) throws(Error) {
            let start = position
            while !atEnd {
                if peek(terminator) { advance(terminator.unicodeScalars.count); return }
                advance()
            }
            throw fail("unterminated \(what)", at: start)
        }

        mutating func document() throws(Error) -> Element {
            if peek("\u{FEFF}") { advance() }
            var root: Element?
            while true {
                skipSpace()
                if atEnd { break }
                if peek("<?") {
                    try skip(past: "?>", what: "processing instruction")
                } else if peek("<!--") {
                    try skip(past: "-->", what: "comment")
                } else if peek("<!DOCTYPE") {
                    try doctype()
                } else if peek("<") {
                    if root != nil { throw fail("content after the root element") }
                    root = try element(depth: 0)
                } else {
                    throw fail("text outside the root element")
                }
            }
            guard let root else { throw fail("no root element") }
            return root
        }

        /// A document type declaration: refused when it declares entities, else skipped.
        mutating func doctype() throws(Error) {
            let start = position
            var depth = 0
            var quote: Unicode.Scalar?
            while !atEnd {
                let scalar = scalars[position]
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if scalar == "\"" || scalar == "'" {
                    quote = scalar
                } else if peek("<!ENTITY") {
                    throw fail("entity declarations are not allowed (external entities and entity expansion are refused)", at: position)
                } else if scalar == "[" {
                    depth += 1
                } else if scalar == "]" {
                    depth -= 1
                } else if scalar == ">" && depth == 0 {
                    advance()
                    return
                }
                advance()
            }
            throw fail("unterminated <!DOCTYPE", at: start)
        }

        mutating func name() throws(Error) -> String {
            var out = String.UnicodeScalarView()
            while !atEnd {
                let scalar = scalars[position]
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || [":", "_", "-", "."].contains(scalar) {
                    out.append(scalar)
                    advance()
                } else {
                    break
                }
            }
            if out.isEmpty { throw fail("expected a name") }
            return String(out)
        }

        mutating func element(depth: Int) throws(Error) -> Element {
            guard depth < maximumDepth else { throw fail("elements nested deeper than \(maximumDepth) levels") }
            let startLine = line
            advance() // <
            let tag = try name()
            var attributes: [(name: String, value: String)] = []
            while true {
                skipSpace()
                if atEnd { throw fail("unterminated start tag <\(tag)>") }
                if peek("/>") {
                    advance(2)
                    return Element(name: tag, attributes: attributes, children: [], line: startLine)
                }
                if peek(">") { advance(); break }
                let attribute = try name()
                skipSpace()
                guard peek("=") else { throw fail("expected '=' after attribute \(attribute)") }
                advance()
                skipSpace()
                guard !atEnd, scalars[position] == "\"" || scalars[position] == "'" else { throw fail("expected a quoted value for attribute \(attribute)") }
                let quote = scalars[position]
                advance()
                var value = String.UnicodeScalarView()
                while true {
                    if atEnd { throw fail("unterminated attribute value") }
                    let scalar = scalars[position]
                    if scalar == quote { advance(); break }
                    if scalar == "<" { throw fail("'<' in an attribute value") }
                    if scalar == "&" {
                        value.append(contentsOf: try reference().unicodeScalars)
                    } else {
                        // Attribute value normalization: white space becomes a space.
                        value.append(scalar == "\n" || scalar == "\t" || scalar == "\r" ? " " : scalar)
                        advance()
                    }
                }
                if attributes.contains(where: { $0.name == attribute }) { throw fail("attribute \(attribute) appears twice") }
                attributes.append((attribute, String(value)))
            }
            var children: [Node] = []
            var text = String.UnicodeScalarView()
            func flush() {
                if !text.isEmpty { children.append(.text(String(text))); text = String.UnicodeScalarView() }
            }
            while true {
                if atEnd { throw fail("element <\(tag)> (line \(startLine)) is not closed") }
                if peek("</") {
                    let closeStart = position
                    advance(2)
                    let closing = try name()
                    guard closing == tag else { throw fail("</\(closing)> closes <\(tag)> (line \(startLine))", at: closeStart) }
                    skipSpace()
                    guard peek(">") else { throw fail("expected '>'") }
                    advance()
                    flush()
                    return Element(name: tag, attributes: attributes, children: children, line: startLine)
                }
                if peek("<!--") {
                    try skip(past: "-->", what: "comment")
                } else if peek("<![CDATA[") {
                    advance(9)
                    let start = position
                    while !peek("]]>") {
                        if atEnd { throw fail("unterminated CDATA section", at: start) }
                        text.append(scalars[position])
                        advance()
                    }
                    advance(3)
                } else if peek("<?") {
                    try skip(past: "?>", what: "processing instruction")
                } else if peek("<!") {
                    throw fail("unexpected markup declaration inside an element")
                } else if peek("<") {
                    flush()
                    children.append(.element(try element(depth: depth + 1)))
                } else if peek("&") {
                    text.append(contentsOf: try reference().unicodeScalars)
                } else {
                    let scalar = scalars[position]
                    if scalar == "\r" {
                        // Line ends are normalized to \n.
                        if !(position + 1 < scalars.count && scalars[position + 1] == "\n") { text.append("\n") }
                    } else {
                        text.append(scalar)
                    }
                    advance()
                }
            }
        }

        /// `&name;` or `&#N;` / `&#xN;`: only the predefined entities and character references.
        mutating func reference() throws(Error) -> String {
            let start = position
            advance() // &
            var body = ""
            while !atEnd, scalars[position] != ";" {
                body.unicodeScalars.append(scalars[position])
                advance()
                if body.unicodeScalars.count > 12 { throw fail("malformed entity reference", at: start) }
            }
            guard !atEnd else { throw fail("malformed entity reference", at: start) }
            advance() // ;
            switch body {
            case "lt": return "<"
            case "gt": return ">"
            case "amp": return "&"
            case "quot": return "\""
            case "apos": return "'"
            default: break
            }
            if body.hasPrefix("#") {
                let digits = body.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                if let value, let scalar = Unicode.Scalar(value), value != 0 { return String(scalar) }
                throw fail("invalid character reference &\(body);", at: start)
            }
            throw fail("reference to the undeclared entity &\(body); (only the predefined XML entities are allowed)", at: start)
        }
    }
}

/// Escaping for XML 1.0 output, shared by every XML writer (TBX, XLIFF).
public enum XMLText {
    /// Whether XML 1.0 allows `scalar` in a document (`Char` production): tab, line feed,
    /// carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Text content (also safe inside attribute values in either quote): `&`, `<`, `>`, `"`, `'`
    /// as references, a carriage return as `&#13;` (so parsers do not fold it into a following
    /// line feed), and every character XML 1.0 forbids as U+FFFD, one for one.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }

    /// An attribute value in double quotes.
    public static func attribute(_ text: String) -> String {
        var out = ""
        for scalar in escape(text).unicodeScalars {
            switch scalar {
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
