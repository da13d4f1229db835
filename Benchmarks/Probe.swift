import CharterKit
import Foundation
import GitKit

/// Quick timings of engine internals (development aid): `charter-bench probe REPO`.
enum Probe {
    static func run(_ path: String) throws {
        let repository = try CharterRepository(discoveringFrom: path)
        let t0 = Date()
        let charter = try repository.charter(.revision("HEAD"))
        print("charter at HEAD (\(charter.clauses.count) clauses): \(Date().timeIntervalSince(t0) * 1000) ms")
        let t1 = Date()
        _ = try repository.charter(.revision("HEAD~1"))
        print("charter at HEAD~1 (cached clauses): \(Date().timeIntervalSince(t1) * 1000) ms")
        let files = try repository.files(.revision("HEAD"))
        let t2 = Date()
        for _ in 0..<20 { _ = try ManifestFile.parse(files.manifest!, file: "m") }
        print("manifest parse: \(Date().timeIntervalSince(t2) * 1000 / 20) ms")
        let t3 = Date()
        for (name, data) in files.clauseFiles { _ = try ClauseFile.parse(data, file: name) }
        print("clause parse: \(Date().timeIntervalSince(t3) * 1_000_000 / Double(files.clauseFiles.count)) µs each")
    }
}
