/// A commit object read into plain values.
public struct CommitInfo: Sendable, Hashable {
    /// The commit's own id.
    public var oid: OID
    /// The commit's root tree.
    public var tree: OID
    /// Parents in order; the first is the branch the commit was made on.
    public var parents: [OID]
    /// Who wrote the change, and when.
    public var author: Signature
    /// Who made the commit object, and when.
    public var committer: Signature
    /// The full raw message, exactly as stored (trailers and trailing newline included).
    public var message: String
    /// The first non-empty line of the message, without its line ending.
    public var summary: String

    /// Builds a value; `summary` is derived from `message`.
    public init(oid: OID, tree: OID, parents: [OID], author: Signature, committer: Signature, message: String) {
        self.oid = oid
        self.tree = tree
        self.parents = parents
        self.author = author
        self.committer = committer
        self.message = message
        self.summary = CommitInfo.summary(of: message)
    }

    /// The first line that is not blank, trailing whitespace removed.
    static func summary(of message: String) -> String {
        for line in message.split(separator: "\n", omittingEmptySubsequences: true) {
            var text = Substring(line)
            while let last = text.last, last.isWhitespace { text = text.dropLast() }
            if !text.isEmpty { return String(text) }
        }
        return ""
    }
}
