/// Revision hashes and record ids in a text meant for people: every run of 7 to 40
/// lower-case hexadecimal digits standing alone (between characters that are not letters
/// or digits).
public enum HexIDs {
    public static func find(in text: String) -> [String] {
        var found: [String] = []
        var word = ""
        func flush() {
            if (7...40).contains(word.count), word.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) {
                found.append(word)
            }
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber { word.append(character) } else { flush() }
        }
        flush()
        return found
    }
}
