/// German abbreviations that take a period and do not end a sentence by themselves.
///
/// Data, kept apart from the tokenizer's logic. Compared with the word's case-folded key.
/// Single letters ("z.", "B.", "J.") are abbreviations too (initials, "z. B.", "u. a.").
/// Sources: Duden's list of common abbreviations and German news-agency usage.
enum GermanAbbreviations {
    /// Abbreviations that never end a sentence (titles, "Nr.", months before a year...).
    static let nonFinal = Set<String>([
        // titles and forms of address
        "dr", "prof", "hr", "fr", "frl", "dipl", "ing", "mag", "med", "jur", "phil", "rer", "nat", "habil",
        "st", "sr", "jr", "gen", "oberst", "lt", "kpt", "adm", "präs", "min", "abg", "bgm",
        // reference words
        "nr", "no", "bd", "bde", "s", "ff", "abs", "art", "abschn", "kap", "anm", "hrsg", "vgl", "z", "zit",
        "tel", "fax", "str", "pl", "bzw", "ca", "vs", "resp", "ggf", "evtl", "inkl", "exkl", "zzgl", "abzgl",
        "bspw", "insb", "sog", "allg", "urspr", "ehem", "jh", "jhd", "jhs", "mio", "mrd", "tsd", "geb", "gest",
        "verh", "led", "lat", "griech", "engl", "franz", "ital", "span", "russ", "dt", "amer", "brit", "europ",
        "ev", "kath", "röm", "hl", "mrs", "mr", "ms", "co", "inc", "ltd", "corp", "ag", "gmbh",
        "rd", "mind", "od", "u", "a", "o", "d", "h", "i", "e", "v", "w",
        "az", "gem", "lt", "ggü", "bzgl", "einschl", "entspr", "erg", "evang", "gegr", "jhrs", "kl", "lfd",
        "mtl", "näml", "obb", "orig", "pos", "priv", "reg", "rel", "schr", "sen", "stellv", "techn", "trad",
        "übers", "urk", "verf", "verw", "vorm", "wiss", "zt", "zb", "ua", "uä", "va", "dh", "sa", "ff",
        // months and weekdays
        "jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez",
        "mo", "di", "mi",
    ])

    /// Abbreviations that may stand at the end of a sentence: after them, a capitalized
    /// word starts a new sentence.
    static let mayEndSentence = Set<String>(["usw", "etc", "ua", "uä", "ff", "chr", "o.ä", "u.a", "u.ä"])

    /// The length in UTF-8 bytes of the longest key in `nonFinal` and `mayEndSentence`: a longer
    /// key is in neither, without hashing it.
    static let longestAbbreviation = nonFinal.union(mayEndSentence).map(\.utf8.count).max() ?? 0

    /// Month names after which a preceding "21." is an ordinal, not a sentence end.
    static let months = Set<String>([
        "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
        "oktober", "november", "dezember", "jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug",
        "sep", "sept", "okt", "nov", "dez",
    ])

    /// Words after which "3." is an ordinal ("am 3. Tag", "der 2. Weltkrieg").
    static let ordinalContext = Set<String>([
        "der", "die", "das", "dem", "den", "des", "am", "im", "vom", "zum", "zur", "beim", "ins", "bis",
        "sein", "seine", "seinem", "seinen", "seiner", "ihr", "ihre", "ihrem", "ihren", "ihrer", "jede",
        "jeder", "jedes", "jedem", "jeden", "ab", "seit", "zu", "ein", "eine", "einem", "einen", "einer",
    ])

    /// Words that follow a hyphen-terminated word in a coordination ("Nord- und Südkorea"),
    /// where the hyphen does not join a compound across the space.
    static let coordinators = Set<String>(["und", "oder", "bzw", "bzw.", "sowie", "als", "bis", "wie", "noch", "u.", "beziehungsweise", "&"])
}
