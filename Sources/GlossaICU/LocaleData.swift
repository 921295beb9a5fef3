internal import CICUShim

/// CLDR data as shipped in ICU: region names and time-zone exemplar cities.
public enum LocaleData {
    /// ISO 3166-1 alpha-2 codes ICU knows.
    public static var regionCodes: [String] {
        (0..<cicu_region_count()).compactMap { index in
            cicu_region_code(index).map { String(cString: $0) }
        }
    }

    /// The name of `region` ("DE") in the language of `locale` ("de" → "Deutschland").
    /// Returns nil when CLDR has no name (ICU then echoes the code).
    public static func regionName(_ region: String, in locale: String) -> String? {
        let units = try? icuUTF16Output(capacity: 64, context: "region name") { dest, capacity, status in
            cicu_region_name(region, locale, dest, capacity, status)
        }
        guard let units, !units.isEmpty else { return nil }
        let name = String(utf16Units: units)
        return name == region ? nil : name
    }

    /// Canonical location time zones, optionally of one region ("RU").
    public static func timeZoneIDs(region: String? = nil) -> [String] {
        let units = try? icuUTF16Output(capacity: 16_384, context: "time zone IDs") { dest, capacity, status in
            if let region { return cicu_zone_ids(region, dest, capacity, status) }
            return cicu_zone_ids(nil, dest, capacity, status)
        }
        return String(utf16Units: units ?? []).split(separator: "\n").map(String.init)
    }

    /// The exemplar city of a time zone in `locale` ("Europe/Moscow" in "de" → "Moskau").
    public static func exemplarCity(zone: String, in locale: String) -> String? {
        let zoneUnits = Array(zone.utf16)
        let units = try? zoneUnits.withICUBuffer { zp, zl throws(ICUError) in
            try icuUTF16Output(capacity: 64, context: "exemplar city") { dest, capacity, status in
                cicu_zone_city(zp, zl, locale, dest, capacity, status)
            }
        }
        guard let units, !units.isEmpty else { return nil }
        return String(utf16Units: units)
    }
}
