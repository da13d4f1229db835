import Foundation

/// A comment with its record's metadata and, once retracted, the retraction.
public struct RecordedComment: Hashable, Sendable, Codable {
    public var id: RecordID
    public var clock: Int
    public var recordedAt: Date
    public var facilitator: Person
    public var comment: Comment
    public var retraction: CommentRetraction?

    public var isRetracted: Bool { retraction != nil }
}
