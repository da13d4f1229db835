import Foundation
import GitKit

/// What `charter release` made (or would have refused).
public struct Release: Hashable, Sendable, Codable {
    public var version: String
    /// `charter/<version>`.
    public var tag: String
    /// The commit tagged.
    public var revision: String
    /// Made with --force despite `reasons`.
    public var forced: Bool
    /// What the gate found: clauses under objection, open amendments.
    public var reasons: [String]
    /// The annotated tag's message.
    public var message: String
}

extension CharterRepository {
    /// Tags under which versions are made: `charter/<version>`.
    public static let versionTagPrefix = "charter/"

    /// Why the text at HEAD may not be released: each clause whose status is `objection`,
    /// each amendment still open. Empty when it may.
    public func releaseGate() throws -> [String] {
        try releaseGateWordings().map { $0.text(in: .en) }
    }

    /// The gate's reasons as catalogue messages, to be read in any language.
    public func releaseGateWordings() throws -> [Message] {
        let matrix = try status()
        var reasons: [Message] = []
        for row in matrix.rows where row.status == .objection {
            let objecting = row.cells.values.filter { $0.position == .objection && $0.currency.counts }.map(\.territory).sorted()
            let values = ["number": String(row.number), "clause": row.clause.rawValue, "title": row.title,
                          "territories": objecting.joined(separator: ", ")]
            reasons.append(Message(objecting.isEmpty ? "cli.release.reason.objection" : "cli.release.reason.objectionFrom", values))
        }
        for view in try amendments(AmendmentFilter(status: "open")) {
            let values = ["id": view.shortID, "change": view.amendment.change.summary, "territory": view.amendment.territory]
            reasons.append(Message(view.standing == .needsRebase ? "cli.release.reason.amendmentRebase" : "cli.release.reason.amendment", values))
        }
        return reasons
    }

    /// Makes the annotated tag `charter/<version>` on HEAD, the text branch's tip. Refuses
    /// (`release-blocked`, listing the reasons) when the gate finds any, unless `force`:
    /// then the tag's message lists what it was released despite.
    @discardableResult
    ///
    /// `language` words the refusal's list of reasons (the tag's message is English).
    public func release(_ version: String, message: String? = nil, force: Bool = false, tagger: Person? = nil,
                        language: Language = .en) throws -> Release {
        guard Self.isValidVersion(version) else {
            throw CharterError(.badInput, Message("cli.release.badVersion", ["version": version]), hint: Message("cli.release.badVersion.hint"))
        }
        let tag = Self.versionTagPrefix + version
        if try git.reference("refs/tags/\(tag)") != nil {
            throw CharterError(.alreadyExists, Message("cli.release.exists", ["version": version, "tag": tag]), hint: Message("cli.release.exists.hint"))
        }
        let (head, text) = try headText()
        let wordings = try releaseGateWordings()
        let reasons = wordings.map { $0.text(in: .en) }
        if !reasons.isEmpty && !force {
            let list = wordings.map { "  - " + $0.text(in: language) }.joined(separator: "\n")
            throw CharterError(.releaseBlocked, Message("cli.release.blocked", ["version": version, "reasons": list]),
                               hint: Message("cli.release.blocked.hint"))
        }
        let matrix = try status()
        var lines = ["\(text.manifest.title) \(version)", ""]
        if let message, !message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            lines += [message.trimmingCharacters(in: .whitespacesAndNewlines), ""]
        }
        let summary = ClauseStatus.allCases.compactMap { status in matrix.summary[status].map { "\(status.rawValue) \($0)" } }
        lines.append("\(text.clauses.count) clauses (\(summary.joined(separator: ", "))).")
        if !reasons.isEmpty {
            lines += ["", "Released with --force despite:"] + reasons.map { "- \($0)" }
        }
        let body = lines.joined(separator: "\n") + "\n"
        let person = try resolveFacilitator(tagger)
        // Tags are written under charter's process lock: a `refs/tags/…lock` found then was left
        // by a process that died (a release killed), and is removed rather than blocking for ever.
        let lock = try ProcessLock(CharterRepository.cacheDirectory(git).appendingPathComponent("release.lock"), wait: true)
        defer { lock?.release() }
        let signature = Signature(name: person.name, email: person.email)
        do {
            do {
                _ = try git.createTag(tag, target: head.oid, tagger: signature, message: body)
            } catch let error as GitError where (error.code == .locked || error.message.contains(".lock")) && error.code != .exists
                        && StaleLock.remove("refs/tags/\(tag)", in: git) {
                _ = try git.createTag(tag, target: head.oid, tagger: signature, message: body)
            }
        } catch let error as GitError where error.code == .exists {
            throw CharterError(.alreadyExists, Message("cli.release.exists", ["version": version, "tag": tag]), hint: Message("cli.release.exists.hint"))
        }
        return Release(version: version, tag: tag, revision: head.oid.hex, forced: !reasons.isEmpty, reasons: reasons, message: body)
    }

    static func isValidVersion(_ version: String) -> Bool {
        guard let first = version.unicodeScalars.first, CharacterSet.alphanumerics.contains(first),
              !version.contains(".."), !version.hasSuffix(".lock"), !version.hasSuffix(".") else { return false }
        return version.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// A version name or any revision: `v0.2` names the tag `charter/v0.2` when it exists.
    func resolveVersion(_ spec: String) throws -> (oid: OID, label: String, tag: String?) {
        let tag = Self.versionTagPrefix + spec
        // `HEAD~3` is no valid reference name: only a name that is one can be a version.
        if !spec.hasPrefix(Self.versionTagPrefix), (try? git.reference("refs/tags/\(tag)")) ?? nil != nil {
            return (try resolveOID(tag), spec, tag)
        }
        let isTag = spec.hasPrefix(Self.versionTagPrefix) && (try? git.reference("refs/tags/\(spec)")) ?? nil != nil
        return (try resolveOID(spec), isTag ? String(spec.dropFirst(Self.versionTagPrefix.count)) : spec, isTag ? spec : nil)
    }
}
