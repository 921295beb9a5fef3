/// One glossary entry: a German term, its English rendering, and what Glossa knows about it.
public struct GlossaryEntry: Sendable, Hashable {
    /// The German term in its dictionary form ("Außenministerium", "Juri Borissow", "russisch").
    public var de: String
    /// The English rendering.
    public var en: String
    public var type: EntryType
    public var status: EntryStatus
    /// `sensitive`/`insensitive` as written in the file; nil means the default for the term.
    public var caseRule: CaseRule?
    /// Other German spellings or forms of the same entry.
    public var variants: [String]
    /// The name in its original script (Cyrillic for Russian, Ukrainian, Belarusian names).
    public var orig: String
    public var note: String
    public var source: String
    /// Columns Glossa does not know, by column name; kept and written back unchanged.
    public var extra: [String: String]
    /// The stable id, `FILE-STEM/SLUG` (see Glossaries/README.md); set by the loader.
    public var id: String
    /// Where the entry was read from; nil for entries made in memory.
    public var location: SourceLocation?

    public init(de: String, en: String, type: EntryType = .term, status: EntryStatus = .preferred, caseRule: CaseRule? = nil,
                variants: [String] = [], orig: String = "", note: String = "", source: String = "", extra: [String: String] = [:],
                id: String = "", location: SourceLocation? = nil) {
        self.de = de
        self.en = en
        self.type = type
        self.status = status
        self.caseRule = caseRule
        self.variants = variants
        self.orig = orig
        self.note = note
        self.source = source
        self.extra = extra
        self.id = id
        self.location = location
    }

    /// Whether matching respects case: the explicit rule, else `sensitive` for acronyms.
    public var isCaseSensitive: Bool {
        if let caseRule { return caseRule == .sensitive }
        return Self.isAcronym(de)
    }

    /// Two or more letters, all upper case or digits ("EU", "US", "RTVI", "G7").
    public static func isAcronym(_ term: String) -> Bool {
        // Fast exit: any ASCII lower-case letter or space means "not an acronym".
        if term.utf8.contains(where: { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x20 }) { return false }
        var letters = 0
        for scalar in term.unicodeScalars {
            if scalar.properties.isUppercase { letters += 1; continue }
            if scalar.properties.numericType != nil { continue }
            if scalar == "-" || scalar == "&" { continue }
            return false
        }
        return letters >= 2
    }
}

/// Where something was read from: a file path and a 1-based line.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    public var description: String { "\(file):\(line)" }
}

/// What an entry names. Open: a file may use its own types (lint warns about unknown ones).
public struct EntryType: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (a: EntryType, b: EntryType) -> Bool { a.rawValue < b.rawValue }

    public static let person: EntryType = "person"
    public static let country: EntryType = "country"
    public static let city: EntryType = "city"
    public static let place: EntryType = "place"
    public static let org: EntryType = "org"
    public static let adjective: EntryType = "adjective"
    public static let demonym: EntryType = "demonym"
    public static let term: EntryType = "term"
    public static let event: EntryType = "event"
    public static let media: EntryType = "media"

    /// The types Glossa documents.
    public static let known: [EntryType] = [.person, .country, .city, .place, .org, .adjective, .demonym, .term, .event, .media]

    /// Names (not common words): their genitive "-s" is recognized ("Russlands", "Putins").
    public var isName: Bool {
        switch self {
        case .person, .country, .city, .place, .org, .event, .media: true
        default: false
        }
    }
}

/// Terminology status (TBX administrative status).
public enum EntryStatus: String, Sendable, CaseIterable, Comparable {
    case preferred, admitted, deprecated, forbidden
    public static func < (a: EntryStatus, b: EntryStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How case is matched.
public enum CaseRule: String, Sendable, CaseIterable {
    case sensitive, insensitive
}
