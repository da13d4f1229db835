import Foundation

/// A record file on the deliberation branch that cannot be trusted: kept where it is (nothing
/// is ever deleted), but left out of every fold, status and count, and listed with the reason
/// by `charter doctor`, `sync` and the reading commands.
public struct QuarantinedRecord: Hashable, Sendable, Codable {
    public enum Reason: String, Hashable, Sendable, Codable {
        /// Not JSON, or not a record this charter reads (an unknown kind, a missing field).
        case unreadable
        /// A clock below 0 or above `Record.maxClock`.
        case clockOutOfRange = "clock-out-of-range"
        /// Two files with the same record id and different contents.
        case duplicateID = "duplicate-id"
        /// A record at a path other than the one its id and event give.
        case wrongPath = "wrong-path"
    }

    /// The file's path on the deliberation branch.
    public var path: String
    /// The file's blob id.
    public var blob: String
    public var reason: Reason
    /// What exactly is wrong (the decoder's words, the clock, the expected path, the other file).
    public var detail: String

    /// The reason, said in the reader's language.
    public var message: Message {
        Message("reliability.quarantine.\(reason.rawValue)", ["path": path, "detail": detail])
    }
}

extension Record {
    /// The highest clock charter accepts from a record or a `Clock:` trailer: far beyond any real
    /// deliberation (a billion records a second for three days), far below `Int.max`, so that
    /// adding to it never overflows.
    public static let maxClock = 1 << 48

    /// The clock after `clock`, refusing (not trapping) past `maxClock`.
    static func nextClock(after clock: Int) throws -> Int {
        let (next, overflow) = clock.addingReportingOverflow(1)
        guard !overflow, next <= maxClock, next > 0 else {
            throw CharterError(.badInput, Message("reliability.clock.exhausted", ["clock": String(clock)]),
                               hint: Message("reliability.clock.exhausted.hint"))
        }
        return next
    }
}

/// Sorts the record files read from the branch into records to fold and files to quarantine.
struct RecordSifter {
    private var candidates: [(path: String, blob: String, record: Record)] = []
    private(set) var quarantined: [QuarantinedRecord] = []

    /// A file that could not be decoded.
    mutating func unreadable(path: String, blob: String, error: any Error) {
        quarantined.append(QuarantinedRecord(path: path, blob: blob, reason: .unreadable, detail: RecordSifter.describe(error)))
    }

    /// A decoded record: quarantined at once when its clock or path is wrong.
    mutating func add(_ record: Record, path: String, blob: String) {
        if let reason = RecordSifter.check(record, path: path) {
            quarantined.append(QuarantinedRecord(path: path, blob: blob, reason: reason.0, detail: reason.1))
        } else {
            candidates.append((path, blob, record))
        }
    }

    /// The records to fold; files sharing one id with different contents are all quarantined
    /// (which one is genuine cannot be told), identical copies kept once.
    mutating func finish() -> [Record] {
        var byID: [RecordID: [Int]] = [:]
        for (offset, candidate) in candidates.enumerated() { byID[candidate.record.id, default: []].append(offset) }
        var result: [Record] = []
        result.reserveCapacity(candidates.count)
        for (offset, candidate) in candidates.enumerated() {
            guard let group = byID[candidate.record.id], group.count > 1 else {
                result.append(candidate.record)
                continue
            }
            if Set(group.map { candidates[$0].blob }).count == 1 {
                if group.first == offset { result.append(candidate.record) }
                continue
            }
            let others = group.filter { $0 != offset }.map { candidates[$0].path }.joined(separator: ", ")
            quarantined.append(QuarantinedRecord(path: candidate.path, blob: candidate.blob, reason: .duplicateID,
                                                 detail: "id \(candidate.record.id) also at \(others)"))
        }
        quarantined.sort { $0.path < $1.path }
        return result
    }

    /// Why a decoded record cannot be folded, nil when it can.
    static func check(_ record: Record, path: String) -> (QuarantinedRecord.Reason, String)? {
        guard record.clock >= 0, record.clock <= Record.maxClock else {
            return (.clockOutOfRange, "clock \(record.clock), expected 0…\(Record.maxClock)")
        }
        let expected = DeliberationStore.path(of: record)
        guard expected == path else { return (.wrongPath, "expected at \(expected)") }
        return nil
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
             DecodingError.valueNotFound(_, let context), DecodingError.keyNotFound(_, let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            var text = field.isEmpty ? context.debugDescription : "field \(field): \(context.debugDescription)"
            if let underlying = context.underlyingError { text += " (\((underlying as NSError).localizedDescription))" }
            return text
        default:
            return "\(error)"
        }
    }
}
