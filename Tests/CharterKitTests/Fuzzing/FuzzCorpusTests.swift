import CharterKit
import Foundation
import Testing

/// Replays every input kept for the fuzz targets (Tests/FuzzCorpus/<target>/: the seeds, and
/// every input `make fuzz` found crashing, kept once fixed): none may trap, break a round trip,
/// or be refused without naming the file; the seeds named `ok-*` must be accepted.
@Suite("fuzz corpus replayed")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("FuzzCorpus", isDirectory: true)

    @Test(arguments: FuzzTargets.names)
    func replay(_ target: String) throws {
        let folder = Self.corpus.appendingPathComponent(target, isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(!names.isEmpty, "no corpus for \(target)")
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            switch FuzzTargets.run(target, data) {
            case .accepted:
                break
            case .broken(let why):
                Issue.record("\(target)/\(name): \(why)")
            case .refused(let error):
                #expect(!name.hasPrefix("ok-"), "\(target)/\(name) was refused: \(error)")
                if target != "check-clause" {
                    #expect(error.file != nil, "\(target)/\(name): the error names no file: \(error)")
                }
            case .undecodable(let error):
                #expect(!name.hasPrefix("ok-"), "\(target)/\(name) could not be read: \(error)")
            }
        }
    }
}
