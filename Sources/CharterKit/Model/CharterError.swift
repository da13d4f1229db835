/// A problem with the charter or with what was asked of it, located in a file
/// and line where there is one, and saying what to do about it.
public struct CharterError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable, Codable {
        case badYAML = "bad-yaml"
        case missingFrontMatter = "missing-front-matter"
        case missingField = "missing-field"
        case invalidField = "invalid-field"
        case invalidID = "invalid-id"
        case duplicateID = "duplicate-id"
        case idMismatch = "id-mismatch"
        case missingClause = "missing-clause"
        case unlistedClause = "unlisted-clause"
        case invalidUTF8 = "invalid-utf8"
        case emptyTitle = "empty-title"
        case noCharter = "no-charter"
        case unknownClause = "unknown-clause"
        case unknownRevision = "unknown-revision"
        case alreadyExists = "already-exists"
        case badInput = "bad-input"
        case repository = "repository"
        case unknownWorkshop = "unknown-workshop"
        case unknownTerritory = "unknown-territory"
        case unknownComment = "unknown-comment"
        case workshopClosed = "workshop-closed"
        case quoteNotFound = "quote-not-found"
        case reasonRequired = "reason-required"
        case noDeliberation = "no-deliberation"
        /// A remote could not be reached, read or written.
        case remote = "remote"
        /// A remote refused every credential offered.
        case authentication = "authentication"
        case unknownAmendment = "unknown-amendment"
        case amendmentClosed = "amendment-closed"
        /// The amendment's change collides with the text as it is now.
        case amendmentConflict = "amendment-conflict"
        /// An amendment without consensus, adopted without `--force`.
        case noConsensus = "no-consensus"
        /// `charter release` refused by its gate.
        case releaseBlocked = "release-blocked"
    }

    public var code: Code
    /// Path of the file at fault, relative to the repository root where possible.
    public var file: String?
    /// 1-based line in `file`, when known.
    public var line: Int?
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// The message by catalogue key, when it has one: `description(in:)` then speaks the
    /// reader's language; `message` and `hint` hold its English text.
    public var wording: Message?
    public var hintWording: Message?
    /// One line per item at fault (the rows of a sheet), each with its own hint, shown under the message.
    public var details: [Detail] = []

    public struct Detail: Hashable, Sendable {
        /// Where (a sheet's row and column), shown before the wording.
        public var place: Message?
        public var wording: Message
        public var hint: Message?

        public init(at place: Message? = nil, _ wording: Message, hint: Message? = nil) {
            self.place = place
            self.wording = wording
            self.hint = hint
        }

        public func text(in language: Language) -> String {
            (place.map { $0.text(in: language) + language.colon } ?? "") + wording.text(in: language)
        }
    }

    public init(_ code: Code, file: String? = nil, line: Int? = nil, _ message: String, hint: String? = nil) {
        self.code = code
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    /// An error worded from the catalogue (`MessageCatalogue`), in whichever language is read.
    public init(_ code: Code, file: String? = nil, line: Int? = nil, _ wording: Message, hint: Message? = nil) {
        self.init(code, file: file, line: line, wording.text(in: .en), hint: hint?.text(in: .en))
        self.wording = wording
        self.hintWording = hint
    }

    /// `file:line: message (hint)`, the form editors and CI jump to, in English.
    public var description: String { description(in: .en) }

    /// `file:line: message (hint)` in `language`: the catalogue's wording where the error has one.
    public func description(in language: Language) -> String {
        var text = ""
        if let file {
            text += file
            if let line { text += ":\(line)" }
            text += ": "
        }
        text += wording?.text(in: language) ?? message
        for detail in details {
            text += "\n  " + detail.text(in: language)
            if let hint = detail.hint {
                text += "\n      " + MessageCatalogue.text("common.hint.prefix", in: language) + language.colon + hint.text(in: language)
            }
        }
        // A hint not yet in the catalogue is English: so is its prefix.
        let hintLanguage = hintWording == nil ? Language.en : language
        if let hint = hintWording?.text(in: language) ?? hint {
            text += "\n  " + MessageCatalogue.text("common.hint.prefix", in: hintLanguage) + hintLanguage.colon + hint
        }
        return text
    }
}
