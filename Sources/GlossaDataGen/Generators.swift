import GlossaICU

/// One glossary row as the generator writes it (the columns of Glossaries/README.md).
struct GlossaryRow: Equatable, Sendable {
    var de: String
    var en: String
    var type: String
    var source: String
    /// `case` column: empty (the default) or `sensitive`.
    var caseMode: String = ""

    /// The row in header order: de, en, type, status, case, variants, orig, note, source.
    var line: String {
        [de, en, type, "", caseMode, "", "", "", source].joined(separator: "\t")
    }
}

enum Generators {
    static let header = "de\ten\ttype\tstatus\tcase\tvariants\torig\tnote\tsource"

    /// Makes a CLDR name safe for a TSV field: NFC, no control characters, single inner spaces,
    /// no spaces at either end. Returns nil when nothing is left.
    static func clean(_ raw: String) -> String? {
        let normalized = (try? ICUText.normalize(raw, .nfc)) ?? raw
        var out = ""
        var pendingSpace = false
        for scalar in normalized.unicodeScalars {
            // CLDR hyphenates some names with soft hyphens ("Reyk\u{AD}ja\u{AD}vík"): drop format characters.
            if scalar.properties.generalCategory == .format { continue }
            if scalar.properties.generalCategory == .control || scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.unicodeScalars.append(scalar)
        }
        return out.isEmpty ? nil : out
    }

    /// Sorts rows by German collation; equal German names keep `source` order so the output is stable.
    static func sortByGerman(_ rows: [GlossaryRow]) -> [GlossaryRow] {
        guard let collator = try? Collator(locale: "de") else {
            return rows.sorted { ($0.de, $0.source) < ($1.de, $1.source) }
        }
        let keyed = rows.map { (key: collator.sortKey($0.de), row: $0) }
        return keyed.sorted { a, b in
            if a.key != b.key { return a.key.lexicographicallyPrecedes(b.key) }
            if a.row.de != b.row.de { return a.row.de < b.row.de }
            return a.row.source < b.row.source
        }.map(\.row)
    }

    /// Keeps the first row of every German name (compared case-insensitively) and drops
    /// names listed in `taken`.
    static func dedupe(_ rows: [GlossaryRow], excluding taken: Set<String> = []) -> [GlossaryRow] {
        var seen = taken
        return rows.filter { seen.insert(foldKey($0.de)).inserted }
    }

    static func foldKey(_ text: String) -> String {
        (try? ICUText.foldCase(text)) ?? text.lowercased()
    }

    /// Regions with both a German and an English CLDR name, in code order.
    static func countryRows(
        codes: [String] = LocaleData.regionCodes,
        name: (String, String) -> String? = { LocaleData.regionName($0, in: $1) }
    ) -> [GlossaryRow] {
        codes.sorted().compactMap { code in
            guard let de = name(code, "de").flatMap(clean), let en = name(code, "en").flatMap(clean) else { return nil }
            return GlossaryRow(de: de, en: en, type: "country", source: "cldr:\(code)")
        }
    }

    /// Whether a canonical zone id names a place (not Etc/GMT+3, UTC, a bare abbreviation).
    static func isCityZone(_ zone: String) -> Bool {
        guard let slash = zone.firstIndex(of: "/") else { return false }
        let area = zone[..<slash]
        return !["Etc", "SystemV", "US", "Canada", "Mexico", "Brazil", "Chile"].contains(String(area))
    }

    /// Canonical zones whose exemplar "city" is an island, an island group, a region or a
    /// research station rather than a city; they are left out of cities.tsv.
    static let nonCityZones: Set<String> = [
        "America/Antigua", "America/Bahia", "America/Danmarkshavn", "America/Grand_Turk", "America/Noronha",
        "America/St_Barthelemy", "America/St_Kitts", "America/St_Thomas", "America/St_Vincent",
        "America/Thule", "America/Tortola",
        "Antarctica/Casey", "Antarctica/Davis", "Antarctica/DumontDUrville", "Antarctica/Macquarie",
        "Antarctica/Mawson", "Antarctica/McMurdo", "Antarctica/Palmer", "Antarctica/Rothera",
        "Antarctica/Syowa", "Antarctica/Troll", "Antarctica/Vostok",
        "Asia/Kamchatka", "Asia/Sakhalin",
        "Atlantic/Azores", "Atlantic/Canary", "Atlantic/Madeira", "Atlantic/South_Georgia",
        "Australia/Lord_Howe", "Australia/Lindeman",
        "Indian/Chagos", "Indian/Cocos", "Indian/Kerguelen", "Indian/Mahe",
        "Pacific/Bougainville", "Pacific/Chatham", "Pacific/Chuuk", "Pacific/Easter", "Pacific/Efate",
        "Pacific/Enderbury", "Pacific/Fakaofo", "Pacific/Galapagos", "Pacific/Gambier",
        "Pacific/Guadalcanal", "Pacific/Johnston", "Pacific/Kiritimati", "Pacific/Kosrae",
        "Pacific/Kwajalein", "Pacific/Marquesas", "Pacific/Midway", "Pacific/Norfolk",
        "Pacific/Pitcairn", "Pacific/Pohnpei", "Pacific/Rarotonga", "Pacific/Saipan", "Pacific/Tahiti",
        "Pacific/Tongatapu", "Pacific/Wake", "Pacific/Wallis",
    ]

    /// City names that are also ordinary German words ("oral"): matched case-sensitively.
    static let caseSensitiveCities: Set<String> = ["Oral"]

    /// English exemplar cities that CLDR spells otherwise than English press does (an outdated
    /// form, the local-language form or a zone-id spelling), replaced by the spelling of English
    /// Wikipedia's article title and the news agencies (Reuters, AP). Keyed by zone id.
    static let englishOverrides: [String: String] = [
        "Africa/El_Aaiun": "Laayoune",        // CLDR: El Aaiun (the Spanish form)
        "Africa/Ndjamena": "N’Djamena",       // CLDR: Ndjamena (the zone id)
        "Asia/Aqtau": "Aktau",                // CLDR: Aqtau (Kazakh Latin)
        "Asia/Aqtobe": "Aktobe",              // CLDR: Aqtobe (Kazakh Latin)
        "Asia/Qyzylorda": "Kyzylorda",        // CLDR: Qyzylorda (Kazakh Latin)
        "Europe/Tirane": "Tirana",            // CLDR: Tirane (the Albanian definite form)
        "Europe/Zaporozhye": "Zaporizhzhia",  // CLDR: Zaporozhye (from Russian)
    ]

    /// Exemplar cities of canonical location zones with German and English names, in zone-id order.
    static func cityRows(
        zones: [String] = LocaleData.timeZoneIDs(),
        city: (String, String) -> String? = { LocaleData.exemplarCity(zone: $0, in: $1) }
    ) -> [GlossaryRow] {
        zones.filter { isCityZone($0) && !nonCityZones.contains($0) }.sorted().compactMap { zone in
            guard let de = city(zone, "de").flatMap(clean), let en = city(zone, "en").flatMap(clean) else { return nil }
            return GlossaryRow(
                de: de, en: englishOverrides[zone] ?? en, type: "city", source: "cldr:\(zone)",
                caseMode: caseSensitiveCities.contains(de) ? "sensitive" : ""
            )
        }
    }

    static func countriesFile(icuVersion: String = ICUText.icuVersion) -> String {
        let rows = sortByGerman(dedupe(countryRows()))
        return render(
            rows,
            command: "swift run glossa-datagen countries -o Glossaries/de-en/countries.tsv",
            what: "region names",
            extra: "countries-extra.tsv",
            key: "region code",
            icuVersion: icuVersion
        )
    }

    /// Cities whose German name is already a country name (Singapur, Monaco, Kuwait) are left to
    /// countries.tsv, so no German term is defined twice.
    static func citiesFile(icuVersion: String = ICUText.icuVersion) -> String {
        let countries = Set(dedupe(countryRows()).map { foldKey($0.de) })
        let rows = sortByGerman(dedupe(cityRows(), excluding: countries))
        return render(
            rows,
            command: "swift run glossa-datagen cities -o Glossaries/de-en/cities.tsv",
            what: "time-zone exemplar cities (islands, regions and research stations left out; cities named like a country left to countries.tsv; English of \(englishOverrides.keys.sorted().joined(separator: ", ")) set to the English press spelling: Generators.englishOverrides)",
            extra: "cities-extra.tsv",
            key: "zone id",
            icuVersion: icuVersion
        )
    }

    static func render(_ rows: [GlossaryRow], command: String, what: String, extra: String, key: String, icuVersion: String) -> String {
        var lines = [
            "# Generated by `\(command)` from the CLDR data of ICU \(icuVersion) (do not edit by hand; curated additions go to \(extra)).",
            "# Contents: the German and English CLDR \(what); source = cldr:<\(key)>. \(rows.count) entries.",
            header,
        ]
        lines += rows.map(\.line)
        return lines.joined(separator: "\n") + "\n"
    }
}
