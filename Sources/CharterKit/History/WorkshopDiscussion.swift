/// What was said about one text of a clause at one workshop.
public struct WorkshopDiscussion: Hashable, Sendable, Codable {
    public var workshop: String
    public var title: String
    public var date: String
    /// In record order, each judged against the current text.
    public var comments: [CommentView]
}
