/// Character classes shared by the text rules.
enum CheckScalars {
    static let noBreakSpace: Unicode.Scalar = "\u{00A0}"
    static let narrowNoBreakSpace: Unicode.Scalar = "\u{202F}"

    /// Spaces that can stand between words on one line (tab, space, the
    /// no-break spaces, the thin and other fixed-width spaces).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x202F, 0x2000...0x200A, 0x3000: return true
        default: return false
        }
    }

    static func isNoBreakSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == noBreakSpace || scalar == narrowNoBreakSpace
    }

    /// Letters (ASCII answered without the Unicode tables, which are slow to query).
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let lower = scalar.value | 0x20
            return lower >= 0x61 && lower <= 0x7A
        }
        return scalar.properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// What words are made of: letters and digits.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return isLetter(scalar) || isDigit(scalar) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// `U+00A0` for a scalar.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The lower-case form of a scalar when it is a single scalar, else itself
    /// (so positions in a folded line match the original).
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }
}
