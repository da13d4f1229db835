import Foundation
import GitKit
import Testing
import TestSupport

@Suite("Buffered object writer")
struct BufferedObjectWriterTests {
    @Test func writesOnePackThatGitAccepts() throws {
        let scratch = Scratch("charter-buffered")
        let repository = try Repository.create(at: scratch.path)
        let writer = try repository.bufferedWriter()
        var updates: [TreeUpdate] = []
        for index in 0..<300 {
            let blob = try writer.writeBlob(Data("record \(index)\n".utf8))
            #expect(blob == (try Repository.hashBlob(Data("record \(index)\n".utf8))))
            updates.append(.upsert(path: "clauses/c\(index % 7)/\(String(format: "%02x", index % 256))/\(index).json", blob: blob))
        }
        updates.append(.upsert(path: "a-b", blob: try writer.writeBlob(Data("x".utf8))))
        updates.append(.upsert(path: "again", blob: try writer.writeBlob(Data("x".utf8))))  // the same object twice
        updates.append(.upsert(path: "a/b", blob: try writer.writeBlob(Data("y".utf8))))
        let tree = try writer.updateTree(nil, updates)
        // Same tree as the unbuffered path (git's entry order included: "a-b" before "a/").
        #expect(tree == (try writer.repository.updateTree(nil, updates)))
        let more = try writer.updateTree(tree, [.remove(path: "clauses/c1"), .upsert(path: "z", blob: try writer.writeBlob(Data()))])
        let signature = Signature(name: "Test", email: "t@example.org")
        let commit = try writer.createCommit(tree: more, parents: [], author: signature, committer: signature, message: "Bulk\n")
        try writer.flush()
        try repository.updateReference("refs/heads/main", to: commit, expected: nil, message: "test")
        // Readable through the other handle, and git itself finds nothing wrong.
        #expect(try repository.commit(commit).tree == more)
        #expect(try repository.entry(atPath: "clauses/c1", inTree: more) == nil)
        let git = GitCLI(scratch.url)
        try git.fsck()
        #expect(try git("count-objects", "-v").contains("packs: 1"))
        #expect(try git("show", "main:a/b") == "y")
        // A second batch after a flush lands in a second pack.
        let next = try writer.writeBlob(Data("after\n".utf8))
        try writer.flush()
        #expect(try repository.blob(next) == Data("after\n".utf8))
    }
}
