/// Why a `CharterDiff` could not be applied to a charter: the charter is not
/// the one the diff was computed from (or has moved on since).
public struct DiffApplyError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: String, Hashable, Sendable, Codable {
        /// The diff adds a clause the charter already holds.
        case clauseExists = "clause-exists"
        /// The diff changes or removes a clause the charter does not hold.
        case clauseMissing = "clause-missing"
        /// A clause's current text (body, title, a field, the whole removed
        /// clause) differs from the diff's old side.
        case textMismatch = "text-mismatch"
        /// A manifest part (title, language, structure, territories, consensus)
        /// differs from the diff's old side.
        case manifestMismatch = "manifest-mismatch"
        /// The diff lacks what it needs to be applied (an added clause
        /// without its content, a modified clause without its word diff).
        case incomplete
    }

    public var reason: Reason
    /// The clause at fault, nil for a manifest part.
    public var clause: ClauseID?
    /// Which part did not fit: "body", "title", "field status", "clause",
    /// "structure", "language"…
    public var part: String

    public init(_ reason: Reason, clause: ClauseID? = nil, part: String) {
        self.reason = reason
        self.clause = clause
        self.part = part
    }

    public var description: String {
        let subject = clause.map { "clause \($0)" } ?? "manifest"
        let what: String
        switch reason {
        case .clauseExists: what = "\(subject) already exists, the diff adds it"
        case .clauseMissing: what = "\(subject) does not exist, the diff changes or removes it"
        case .textMismatch: what = "\(subject): the \(part) differs from the diff's old text"
        case .manifestMismatch: what = "\(subject): the \(part) differs from the diff's old value"
        case .incomplete: what = "\(subject): the diff has no \(part)"
        }
        return "the diff does not apply: \(what)\n  hint: apply a diff only to the revision it was computed from"
    }

    /// The same problem as a `CharterError` (code `bad-input`).
    public var charterError: CharterError {
        CharterError(.badInput, "the diff does not apply to this charter (\(reason.rawValue): \(clause.map { "clause \($0) " } ?? "")\(part))",
                     hint: "apply a diff only to the revision it was computed from")
    }
}
