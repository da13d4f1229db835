import Foundation

/// Reads and writes deliberation records as the JSON files of the deliberation branch, fast.
///
/// Writing gives exactly the bytes `JSONEncoder` gives with sorted keys, pretty printing,
/// unescaped slashes and ISO 8601 dates (one field per line), plus a final newline: the
/// format every charter writes. Comments and retractions, which are almost all the records,
/// are written by hand (about 20 times faster than `JSONEncoder` on Linux); other kinds go
/// through `JSONEncoder`.
///
/// Reading parses comments and retractions straight from the bytes, in any key order and
/// spacing; anything it does not expect (another kind, an unknown key, a fractional date) is
/// handed to `JSONDecoder`, so both paths accept the same files and give the same values.
public enum RecordCodec {
    // MARK: Writing

    /// The file's bytes for `record`, newline-terminated.
    public static func encode(_ record: Record) throws -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(640)
        switch record.event {
        case .comment(let comment):
            out.append(contentsOf: "{\n  \"clock\" : ".utf8)
            out.append(contentsOf: String(record.clock).utf8)
            out.append(contentsOf: ",\n  \"comment\" : {\n".utf8)
            var fields = FieldWriter(indent: 4)
            if let amendment = comment.amendment { fields.string("amendment", amendment.rawValue, into: &out) }
            fields.string("blob", comment.blob, into: &out)
            fields.string("clause", comment.clause.rawValue, into: &out)
            if let key = comment.importKey { fields.string("importKey", key, into: &out) }
            if let position = comment.position { fields.string("position", position.rawValue, into: &out) }
            if let quote = comment.quote {
                fields.open("quote", into: &out)
                var inner = FieldWriter(indent: 6)
                inner.string("exact", quote.exact, into: &out)
                inner.string("prefix", quote.prefix, into: &out)
                inner.string("suffix", quote.suffix, into: &out)
                out.append(contentsOf: "\n    }".utf8)
            }
            fields.string("revision", comment.revision, into: &out)
            fields.string("territory", comment.territory, into: &out)
            fields.string("text", comment.text, into: &out)
            fields.string("workshop", comment.workshop, into: &out)
            out.append(contentsOf: "\n  },\n".utf8)
        case .commentRetracted(let retraction):
            out.append(contentsOf: "{\n  \"clock\" : ".utf8)
            out.append(contentsOf: String(record.clock).utf8)
            out.append(contentsOf: ",\n  \"comment-retracted\" : {\n".utf8)
            var fields = FieldWriter(indent: 4)
            if let amendment = retraction.amendment { fields.string("amendment", amendment.rawValue, into: &out) }
            fields.string("clause", retraction.clause.rawValue, into: &out)
            fields.string("comment", retraction.comment.rawValue, into: &out)
            fields.string("reason", retraction.reason, into: &out)
            out.append(contentsOf: "\n  },\n".utf8)
        default:
            var data = try encoder.encode(record)
            data.append(0x0A)
            return data
        }
        out.append(contentsOf: "  \"facilitator\" : {\n".utf8)
        var person = FieldWriter(indent: 4)
        person.string("email", record.facilitator.email, into: &out)
        person.string("name", record.facilitator.name, into: &out)
        out.append(contentsOf: "\n  },\n".utf8)
        var tail = FieldWriter(indent: 2, first: true)
        tail.string("id", record.id.rawValue, into: &out)
        tail.string("kind", record.event.kind.rawValue, into: &out)
        tail.string("recordedAt", iso8601(record.recordedAt), into: &out)
        out.append(contentsOf: "\n}\n".utf8)
        return Data(out)
    }

    /// The encoder whose output `encode` reproduces (and uses for the rare kinds).
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Charter's own ISO 8601 (proleptic Gregorian, as the fast reader reads it): Foundation's
        // switches to the Julian calendar before 1582, so a date written by one path and read by
        // the other would move (found by fuzzing the record codec).
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(iso8601(date))
        }
        return encoder
    }

    private struct FieldWriter {
        let indent: Int
        var first = true

        init(indent: Int, first: Bool = true) {
            self.indent = indent
            self.first = first
        }

        mutating func key(_ name: String, into out: inout [UInt8]) {
            if !first { out.append(contentsOf: ",\n".utf8) }
            first = false
            for _ in 0..<indent { out.append(0x20) }
            out.append(0x22)
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: "\" : ".utf8)
        }

        mutating func string(_ name: String, _ value: String, into out: inout [UInt8]) {
            key(name, into: &out)
            RecordCodec.appendQuoted(value, into: &out)
        }

        mutating func open(_ name: String, into out: inout [UInt8]) {
            key(name, into: &out)
            out.append(contentsOf: "{\n".utf8)
        }
    }

    static func appendQuoted(_ value: String, into out: inout [UInt8]) {
        out.append(0x22)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for byte in value.utf8 {
            switch byte {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(0x5C); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(0x5C); out.append(UInt8(ascii: "f"))
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    /// `2026-11-24T12:31:59Z`: whole seconds (rounded down), UTC, as `.iso8601` writes it.
    static func iso8601(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }

    // Howard Hinnant's civil-from-days and days-from-civil (proleptic Gregorian).
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    // MARK: Reading

    /// The record in a file's bytes. Throws `DecodingError` as `JSONDecoder` would.
    public static func decode(_ data: Data) throws -> Record {
        if let record = data.withUnsafeBytes({ bytes -> Record? in
            var reader = FastReader(bytes)
            return reader.record()
        }) {
            return record
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = FastReader.date(text) { return date }
            // Other ISO 8601 forms (fractional seconds, an offset), as `.iso8601` reads them, from
            // 1583 on only (where Foundation's calendar and charter's agree) to year 9999.
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let parsed = formatter.date(from: text) ?? {
                formatter.formatOptions = [.withInternetDateTime]
                return formatter.date(from: text)
            }()
            guard let date = parsed, date.timeIntervalSince1970 >= -12_212_553_600, date.timeIntervalSince1970 < 253_402_300_800 else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "`\(text)` is not a date charter reads (YYYY-MM-DDTHH:MM:SSZ)")
            }
            return date
        }
        return try decoder.decode(Record.self, from: data)
    }

    /// `decode` on bytes already in memory; `nil` when only `JSONDecoder` can say.
    static func decodeFast(_ bytes: UnsafeRawBufferPointer) -> Record? {
        var reader = FastReader(bytes)
        return reader.record()
    }
}

/// A strict reader for the two common record kinds: returns nil on anything unexpected, never
/// guesses.
private struct FastReader {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    mutating func record() -> Record? {
        var id: RecordID?, clock: Int?, recordedAt: Date?, facilitator: Person?, kind: String?
        var comment: Comment?, retraction: CommentRetraction?
        guard object({ reader, key in
            switch key {
            case "id": guard let text = reader.string(), let value = RecordID(text) else { return false }; id = value
            case "clock": guard let value = reader.integer() else { return false }; clock = value
            case "recordedAt": guard let text = reader.string(), let value = FastReader.date(text) else { return false }; recordedAt = value
            case "kind": guard let text = reader.string() else { return false }; kind = text
            case "facilitator": guard let value = reader.person() else { return false }; facilitator = value
            case "comment": guard let value = reader.comment() else { return false }; comment = value
            case "comment-retracted": guard let value = reader.retraction() else { return false }; retraction = value
            default: return false
            }
            return true
        }) else { return nil }
        skipSpace()
        guard position == bytes.count, let id, let clock, let recordedAt, let facilitator, let kind else { return nil }
        switch kind {
        case Event.Kind.comment.rawValue:
            guard let comment, retraction == nil else { return nil }
            return Record(id: id, clock: clock, recordedAt: recordedAt, facilitator: facilitator, event: .comment(comment))
        case Event.Kind.commentRetracted.rawValue:
            guard let retraction, comment == nil else { return nil }
            return Record(id: id, clock: clock, recordedAt: recordedAt, facilitator: facilitator, event: .commentRetracted(retraction))
        default:
            return nil
        }
    }

    mutating func person() -> Person? {
        var name: String?, email: String?
        guard object({ reader, key in
            switch key {
            case "name": name = reader.string(); return name != nil
            case "email": email = reader.string(); return email != nil
            default: return false
            }
        }), let name, let email else { return nil }
        return Person(name: name, email: email)
    }

    mutating func comment() -> Comment? {
        var workshop: String?, territory: String?, clause: ClauseID?, revision: String?, blob: String?
        var position: Position?, text: String?, quote: TextQuote?, importKey: String?, amendment: RecordID?
        guard object({ reader, key in
            switch key {
            case "workshop": workshop = reader.string(); return workshop != nil
            case "territory": territory = reader.string(); return territory != nil
            case "clause": guard let t = reader.string(), let v = ClauseID(t) else { return false }; clause = v
            case "revision": revision = reader.string(); return revision != nil
            case "blob": blob = reader.string(); return blob != nil
            case "position": guard let t = reader.string(), let v = Position(rawValue: t) else { return false }; position = v
            case "text": text = reader.string(); return text != nil
            case "importKey": importKey = reader.string(); return importKey != nil
            case "amendment": guard let t = reader.string(), let v = RecordID(t) else { return false }; amendment = v
            case "quote": quote = reader.quote(); return quote != nil
            default: return false
            }
            return true
        }), let workshop, let territory, let clause, let revision, let blob, let text else { return nil }
        return Comment(workshop: workshop, territory: territory, clause: clause, revision: revision, blob: blob,
                       position: position, text: text, quote: quote, importKey: importKey, amendment: amendment)
    }

    mutating func quote() -> TextQuote? {
        var exact: String?, prefix: String?, suffix: String?
        guard object({ reader, key in
            switch key {
            case "exact": exact = reader.string(); return exact != nil
            case "prefix": prefix = reader.string(); return prefix != nil
            case "suffix": suffix = reader.string(); return suffix != nil
            default: return false
            }
        }), let exact, let prefix, let suffix else { return nil }
        return TextQuote(exact: exact, prefix: prefix, suffix: suffix)
    }

    mutating func retraction() -> CommentRetraction? {
        var comment: RecordID?, clause: ClauseID?, reason: String?, amendment: RecordID?
        guard object({ reader, key in
            switch key {
            case "comment": guard let t = reader.string(), let v = RecordID(t) else { return false }; comment = v
            case "clause": guard let t = reader.string(), let v = ClauseID(t) else { return false }; clause = v
            case "reason": reason = reader.string(); return reason != nil
            case "amendment": guard let t = reader.string(), let v = RecordID(t) else { return false }; amendment = v
            default: return false
            }
            return true
        }), let comment, let clause, let reason else { return nil }
        return CommentRetraction(comment: comment, clause: clause, reason: reason, amendment: amendment)
    }

    // MARK: JSON

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Reads `{ "key" : value, ... }`, calling `field` for each key (which must read the
    /// value and return true). Repeated keys are refused (JSONDecoder would keep one).
    mutating func object(_ field: (inout FastReader, String) -> Bool) -> Bool {
        guard consume(0x7B) else { return false }
        if consume(0x7D) { return true }
        var seen: [String] = []
        while true {
            skipSpace()
            guard let key = string(), !seen.contains(key) else { return false }
            seen.append(key)
            guard consume(0x3A) else { return false }
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "n") {
                return false  // null: let JSONDecoder decide what it means
            }
            guard field(&self, key) else { return false }
            if consume(0x2C) { continue }
            return consume(0x7D)
        }
    }

    mutating func integer() -> Int? {
        skipSpace()
        var value = 0
        var negative = false
        var digits = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(bytes[position] - 0x30))
            if o1 || o2 { return nil }
            value = sum
            digits += 1
            position += 1
        }
        guard digits > 0, digits < 19 else { return nil }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) { return nil }
        return negative ? -value : value
    }

    /// A JSON string; escapes decoded (`\uXXXX` surrogate pairs included). Invalid UTF-8 or
    /// a lone surrogate gives nil.
    mutating func string() -> String? {
        skipSpace()
        guard position < bytes.count, bytes[position] == 0x22 else { return nil }
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return String(validating: slice, as: UTF8.self)
            }
            if byte == 0x5C { break }
            if byte < 0x20 { return nil }
            position += 1
        }
        var out = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case 0x22:
                return String(validating: out, as: UTF8.self)
            case 0x5C:
                guard position < bytes.count else { return nil }
                let escape = bytes[position]
                position += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: out.append(escape)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard position + 1 < bytes.count, bytes[position] == 0x5C, bytes[position + 1] == UInt8(ascii: "u") else { return nil }
                        position += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        return nil
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: String(Character(unicode)).utf8)
                default: return nil
                }
            default:
                if byte < 0x20 { return nil }
                out.append(byte)
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let nibble: UInt32
            switch byte {
            case 0x30...0x39: nibble = UInt32(byte - 0x30)
            case 0x61...0x66: nibble = UInt32(byte - 0x61 + 10)
            case 0x41...0x46: nibble = UInt32(byte - 0x41 + 10)
            default: return nil
            }
            value = value << 4 | nibble
        }
        return value
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` only; other ISO 8601 forms go to JSONDecoder.
    static func date(_ text: String) -> Date? {
        let utf8 = Array(text.utf8)
        guard utf8.count == 20, utf8[4] == 0x2D, utf8[7] == 0x2D, utf8[10] == UInt8(ascii: "T"),
              utf8[13] == 0x3A, utf8[16] == 0x3A, utf8[19] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let byte = utf8[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        let days = RecordCodec.days(fromCivil: year, month, day)
        // A day past the month's end (Feb 30) is refused, as the formatter refuses it.
        let (y, m, d) = RecordCodec.civil(fromDays: days)
        guard y == year, m == month, d == day else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }
}
