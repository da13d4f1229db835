import Foundation
import GitKit

/// What an adoption is about to do, written to `.git/charter/adoption-intent.json` before it
/// touches anything (as git's sequencer keeps its state under `.git/`) and removed once the
/// text branch, its record, the index and the working tree agree. Found by a later command,
/// it says exactly how to complete the adoption or undo it.
struct AdoptionIntent: Codable, Sendable, Equatable {
    static let format = 1
    var format = AdoptionIntent.format
    /// The text branch (`refs/heads/main`).
    var branch: String
    /// Its tip before the adoption, and that commit's tree.
    var start: String
    var startTree: String
    /// The adoption commit (written, not yet on the branch) and its tree.
    var commit: String
    var commitTree: String
    /// Paths relative to the repository root that the adoption changes.
    var paths: [String]
    /// The record to write on the deliberation branch.
    var adoption: AmendmentAdoption
    var editor: Person
    /// The adopting process.
    var pid: Int32

    static func url(_ git: Repository) -> URL {
        CharterRepository.cacheDirectory(git).appendingPathComponent("adoption-intent.json")
    }

    /// The lock every adoption and every recovery holds while it works.
    static func lockURL(_ git: Repository) -> URL {
        CharterRepository.cacheDirectory(git).appendingPathComponent("adoption.lock")
    }

    /// Writes the intent durably: a temporary file, flushed, then renamed over the name.
    func write(_ git: Repository) throws {
        let url = AdoptionIntent.url(git)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = url.appendingPathExtension("tmp")
            let data = try encoder.encode(self)
            guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw CharterError.wrapping(error, Message("reliability.failed.intent"), file: ".git/charter/adoption-intent.json")
        }
    }

    static func remove(_ git: Repository) {
        try? FileManager.default.removeItem(at: url(git))
    }

    /// The intent left in the repository, if any; a file that cannot be read is an error
    /// naming it (it is never deleted unread).
    static func read(_ git: Repository) throws -> AdoptionIntent? {
        let url = url(git)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(AdoptionIntent.self, from: data)
        } catch {
            throw CharterError(.badInput, file: ".git/charter/adoption-intent.json",
                               Message("reliability.intent.unreadable", ["reason": "\(error)"]),
                               hint: Message("reliability.intent.unreadable.hint"))
        }
    }
}
