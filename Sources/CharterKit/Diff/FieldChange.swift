/// A change to one optional front-matter field of a clause: added (`old` is
/// nil), removed (`new` is nil) or changed.
public struct FieldChange: Hashable, Sendable, Codable {
    public var key: String
    public var old: String?
    public var new: String?

    public init(key: String, old: String?, new: String?) {
        self.key = key
        self.old = old
        self.new = new
    }

    /// The changes that turn `old` into `new`, sorted by key.
    static func between(_ old: [String: String], _ new: [String: String]) -> [FieldChange] {
        var changes: [FieldChange] = []
        for key in Set(old.keys).union(new.keys).sorted() {
            let before = old[key], after = new[key]
            switch (before, after) {
            case let (.some(a), .some(b)) where a.utf8Equal(to: b): continue
            case (.none, .none): continue
            default: changes.append(FieldChange(key: key, old: before, new: after))
            }
        }
        return changes
    }
}
