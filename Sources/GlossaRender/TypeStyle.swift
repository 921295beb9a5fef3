import GlossaGlossary

/// One color per entry type, shared by the terminal (ANSI) and HTML writers so a type looks
/// the same everywhere. Types a glossary invents get a neutral style.
struct TypeStyle: Sendable {
    /// SGR foreground color code for terminals (30–37, 90–97).
    let ansi: Int
    /// CSS color for HTML (readable on white, AA contrast for text).
    let css: String

    static func of(_ type: EntryType) -> TypeStyle {
        switch type {
        case .person: TypeStyle(ansi: 35, css: "#a3226b")
        case .country: TypeStyle(ansi: 32, css: "#1b7a2f")
        case .city: TypeStyle(ansi: 36, css: "#0b6f7c")
        case .place: TypeStyle(ansi: 96, css: "#5e7d14")
        case .org: TypeStyle(ansi: 34, css: "#2c46b0")
        case .adjective: TypeStyle(ansi: 33, css: "#8a5a00")
        case .demonym: TypeStyle(ansi: 93, css: "#a0451a")
        case .term: TypeStyle(ansi: 94, css: "#46535f")
        case .event: TypeStyle(ansi: 31, css: "#b3261e")
        case .media: TypeStyle(ansi: 95, css: "#7a3fa8")
        default: TypeStyle(ansi: 37, css: "#80807a")
        }
    }

    /// A CSS class name for a type: letters, digits and hyphens only (types are open strings).
    static func cssClass(_ type: EntryType) -> String {
        var name = "t-"
        for scalar in type.rawValue.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "-" {
                name.unicodeScalars.append(scalar)
            } else if scalar >= "A" && scalar <= "Z" {
                name.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            } else {
                name += "_"
            }
        }
        return name
    }
}
