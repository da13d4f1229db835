import Foundation
import GitKit

/// Where an amendment's change collides with the text as it is now.
public struct AmendmentConflict: Hashable, Sendable, Codable {
    /// One colliding passage: the text as it reads now, as the amendment would have it, and
    /// (when known) as it read at the amendment's base.
    public struct Passage: Hashable, Sendable, Codable {
        public var current: String
        public var proposed: String
        public var base: String?
    }

    public var clause: ClauseID
    /// What collides, in words.
    public var message: String
    public var passages: [Passage]

    /// The conflict as plain text, for an error message or a terminal.
    public var text: String {
        var lines = ["\(clause): \(message)"]
        let words = TextDiffRenderer(color: false)
        for (index, passage) in passages.enumerated() {
            if passages.count > 1 { lines.append("  passage \(index + 1):") }
            if let base = passage.base {
                // Each side as a word diff against the base: what the text became, what the amendment wanted.
                lines.append(Self.block("the text since the base", words.words(WordDiff.between(base, passage.current))))
                lines.append(Self.block("the amendment", words.words(WordDiff.between(base, passage.proposed))))
            } else {
                lines.append(Self.block("now", passage.current))
                lines.append(Self.block("proposed", passage.proposed))
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func block(_ label: String, _ text: String) -> String {
        let body = text.isEmpty ? "(nothing)" : text.trimmingCharacters(in: .newlines)
        return "    \(label):\n" + body.split(separator: "\n", omittingEmptySubsequences: false).map { "      │ " + $0 }.joined(separator: "\n")
    }
}

/// An amendment's change made on one revision of the text: the files to commit, or the
/// conflicts that keep it from applying.
struct AmendmentApplication: Sendable {
    /// Files of the charter folder to write (nil: delete), by path relative to it.
    var files: [String: Data?] = [:]
    /// The clause had moved on since the base and the change was three-way merged.
    var merged = false
    var conflicts: [AmendmentConflict] = []
    /// The clause as the amendment would leave it (replace, insert).
    var result: Clause?
    /// The sections as the amendment would leave them (insert, delete, move).
    var sections: [Section]?

    var isClean: Bool { conflicts.isEmpty }
}

extension CharterRepository {
    /// Makes `change` (written against `baseBlobs`) on the text of `commit`, which reads as
    /// `text`. A clause changed since the base is merged three ways (base, current, proposed),
    /// sentence by sentence (`SentenceMerge`).
    func application(of change: AmendmentChange, baseBlobs: [String: String], amendment: String,
                     onto commit: CommitInfo, text: Charter) throws -> AmendmentApplication {
        var result = AmendmentApplication()
        let id = change.clause
        let path = "clauses/\(id).md"
        let filePath = "\(clausesPath)/\(id).md"
        let currentBlob = try clauseBlob(id, inCommitTree: commit.tree)
        func conflict(_ message: String, _ passages: [AmendmentConflict.Passage] = []) -> AmendmentApplication {
            result.conflicts.append(AmendmentConflict(clause: id, message: message, passages: passages))
            return result
        }
        func baseData() throws -> (OID, Data) {
            guard let hex = baseBlobs[id.rawValue], let oid = OID(hex: hex) else {
                throw CharterError(.badInput, "amendment \(amendment) records no base text for clause `\(id)`",
                                   hint: "its records were edited by hand; withdraw it and propose it again")
            }
            return (oid, try git.blob(oid))
        }

        switch change.operation {
        case .replace:
            guard let currentBlob, text.clauses[id] != nil else {
                return conflict("clause `\(id)` no longer exists in the text")
            }
            let (baseBlob, base) = try baseData()
            let proposed = try ClauseText.replacing(in: base, title: change.title, body: change.text ?? "", file: filePath)
            var merged = proposed
            if currentBlob != baseBlob {
                result.merged = true
                let current = try git.blob(currentBlob)
                let outcome = SentenceMerge.mergeFile(base: String(decoding: base, as: UTF8.self),
                                                      current: String(decoding: current, as: UTF8.self),
                                                      proposed: String(decoding: proposed, as: UTF8.self))
                guard let text = outcome.text else {
                    guard case .collided(let collisions) = outcome else { return conflict("the merge failed") }
                    let passages = collisions.map { AmendmentConflict.Passage(current: $0.current, proposed: $0.proposed, base: $0.base) }
                    let structural = collisions.contains(where: \.structural)
                    return conflict(structural ? "the clause changed since the amendment's base and the changes collide (merged, the text would not keep the Markdown structure of both)"
                                               : "the clause changed since the amendment's base and the changes collide (both change the same sentence)", passages)
                }
                merged = Data(text.utf8)
            }
            guard let clause = try? ClauseFile.parse(merged, file: filePath).clause, clause.id == id else {
                return conflict("the merged text is not a valid clause file")
            }
            result.files[path] = .some(merged)
            result.result = clause

        case .insert:
            if text.clauses[id] != nil || currentBlob != nil {
                return conflict("a clause `\(id)` exists in the text now")
            }
            guard let anchor = change.after, let sections = ManifestEditor.sections(text.manifest.sections, applying: .insert(id, after: anchor)) else {
                return conflict("clause `\(change.after?.rawValue ?? "?")`, which it goes after, is no longer in the text")
            }
            let clause = Clause(id: id, title: change.title ?? id.rawValue, body: change.text ?? "")
            result.files[path] = .some(Data(ClauseFile.render(clause).utf8))
            result.files[ManifestFile.fileName] = .some(try ManifestEditor.apply(.insert(id, after: anchor), to: manifestData(commit), file: manifestPath))
            result.result = clause
            result.sections = sections

        case .delete:
            guard let currentBlob, let current = text.clauses[id],
                  let sections = ManifestEditor.sections(text.manifest.sections, applying: .remove(id)) else {
                return conflict("clause `\(id)` is no longer in the text")
            }
            let (baseBlob, base) = try baseData()
            if currentBlob != baseBlob {
                let old = try ClauseFile.parse(base, file: filePath).clause
                guard EditorialRule.equivalent(old, current) else {
                    return conflict("the clause changed since the amendment's base; deleting it would discard those changes",
                                    [AmendmentConflict.Passage(current: current.body, proposed: "", base: old.body)])
                }
                result.merged = true
            }
            result.files[path] = .some(nil)
            result.files[ManifestFile.fileName] = .some(try ManifestEditor.apply(.remove(id), to: manifestData(commit), file: manifestPath))
            result.sections = sections

        case .move:
            guard let anchor = change.after, text.manifest.clauseOrder.contains(id) else {
                return conflict("clause `\(id)` is no longer in the text")
            }
            guard let sections = ManifestEditor.sections(text.manifest.sections, applying: .move(id, after: anchor)) else {
                return conflict("clause `\(anchor)`, which it goes after, is no longer in the text")
            }
            result.files[ManifestFile.fileName] = .some(try ManifestEditor.apply(.move(id, after: anchor), to: manifestData(commit), file: manifestPath))
            result.sections = sections
        }
        return result
    }

    /// The manifest's bytes in a commit.
    func manifestData(_ commit: CommitInfo) throws -> Data {
        guard let tree = try charterTree(commit.tree), let entry = try git.entry(atPath: ManifestFile.fileName, inTree: tree) else {
            throw CharterError(.noCharter, file: manifestPath, "no manifest at \(commit.oid.short())")
        }
        return try git.blob(entry.oid)
    }

    var manifestPath: String { directory == "." ? ManifestFile.fileName : "\(directory)/\(ManifestFile.fileName)" }
}
