/// A tag under `refs/tags/`, annotated or lightweight.
public struct TagInfo: Sendable, Hashable {
    /// Short name, e.g. "charter/v0.1".
    public var name: String
    /// What the ref points to: the tag object (annotated) or the commit (lightweight).
    public var oid: OID
    /// The commit the tag designates once every tag object is peeled (for a tag of a tree or
    /// blob, that object).
    public var target: OID
    /// The annotation's message; `nil` for a lightweight tag.
    public var message: String?
    /// Who made the annotated tag; `nil` for a lightweight tag (or one without tagger line).
    public var tagger: Signature?

    /// Builds a value.
    public init(name: String, oid: OID, target: OID, message: String?, tagger: Signature?) {
        self.name = name
        self.oid = oid
        self.target = target
        self.message = message
        self.tagger = tagger
    }
}
