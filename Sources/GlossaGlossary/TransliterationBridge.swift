import GlossaTranslit

extension GlossaryEntry {
    /// The entry as the transliteration checker sees it.
    public var checkEntry: CheckEntry {
        CheckEntry(de: de, en: en, orig: orig.isEmpty ? nil : orig, variants: variants, type: type.rawValue,
                   file: location?.file ?? id, line: location?.line ?? 0)
    }
}

extension GlossaryLinter {
    /// The transliteration checker's findings on glossary entries (scheme mismatches, one name
    /// spelled several ways, mixed scripts), as lint warnings with code `transliteration`.
    public static func transliterationFindings(_ entries: [GlossaryEntry], exceptions: ExceptionTable) -> [LintFinding] {
        let checker = TranslitChecker(transliteration: Transliteration(exceptions: exceptions))
        return checker.check(entries: entries.map(\.checkEntry), occurrences: [], texts: []).compactMap { finding in
            guard let location = finding.locations.first else { return nil }
            return LintFinding(file: location.file, line: location.line, column: location.column, severity: .warning,
                               code: "transliteration", message: "\(finding.kind.rawValue): \(finding.message)")
        }
    }
}
