import Foundation
import TestSupport
import Testing

/// Errors a person can act on (docs/reliability.md, « Errors »): CRLF clause files read like
/// the manifest, symlinked charter files refused by check, shallow and single-branch clones
/// named with the `git fetch` that repairs them.
@Suite("reliability: errors a person can act on")
struct ReliabilityErrorsTests {
    @Test("a clause file saved with CRLF line endings is read like one with LF")
    func crlfClause() throws {
        let workspace = try Workspace.withBundledCharter()
        let path = "charter/clauses/juste-place.md"
        let original = try #require(workspace.read(path))
        try workspace.write(path, original.replacingOccurrences(of: "\n", with: "\r\n"))
        try workspace.git.commitAll("Enregistré sous Windows")
        let list = try workspace.charter.run(["list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("La juste place de chacun  [juste-place]"), "\(list.stdout)")
        let show = try workspace.charter.run(["show", "juste-place", "--at", "HEAD"])
        #expect(show.status == 0, "\(show.stderr)")
        let check = try workspace.charter.run(["check"])
        #expect(!check.stdout.contains("front matter") && !check.stderr.contains("front matter"), "\(check.stdout)\(check.stderr)")
    }

    @Test("a symlinked clause is refused by check, on the working tree and at a revision, with the reason")
    func symlinkedClause() throws {
        let workspace = try Workspace.withBundledCharter()
        let outside = Scratch("charter-outside")
        let clause = "charter/clauses/juste-place.md"
        let target = outside.url.appendingPathComponent("juste-place.md")
        try FileManager.default.copyItem(at: workspace.url.appendingPathComponent(clause), to: target)
        try FileManager.default.removeItem(at: workspace.url.appendingPathComponent(clause))
        try FileManager.default.createSymbolicLink(atPath: workspace.url.appendingPathComponent(clause).path, withDestinationPath: target.path)
        let check = try workspace.charter.run(["check"])
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("\(clause):1:1: error [structure/symlink] \(clause) is a symbolic link: git stores the link, not the text"),
                "\(check.stdout)")
        try workspace.git.commitAll("Un lien")
        let atHead = try workspace.charter.run(["check", "--at", "HEAD"])
        #expect(atHead.stdout.contains("is a symbolic link"), "\(atHead.stdout)\(atHead.stderr)")
    }

    /// A source repository with three revisions and a deliberation branch, cloned as asked.
    func clone(_ options: [String]) throws -> (Workspace, GitCLI, CharterCLI, Scratch) {
        let source = try Workspace.withBundledCharter()
        let path = "charter/clauses/juste-place.md"
        for round in 1...2 {
            try source.write(path, (source.read(path) ?? "") + "\nAjout \(round).\n")
            try source.git.commitAll("Révision \(round)")
        }
        let opened = try source.charter.run(["workshop", "open", "lyon", "--title", "Lyon", "--date", "2026-03-14",
                                             "--territories", "haut-verdal", "--facilitator", Amending.facilitator])
        #expect(opened.status == 0, "\(opened.stderr)")
        let scratch = Scratch("charter-clone")
        let target = scratch.url.appendingPathComponent("clone")
        try GitCLI(scratch.url).run(["clone", "-q"] + options + ["file://\(source.url.path)", target.path])
        return (source, GitCLI(target, home: scratch.path), CharterCLI(target, home: scratch.path), scratch)
    }

    @Test("in a shallow clone, log says the history is cut short and how to fetch it; doctor names it")
    func shallowClone() throws {
        let (source, git, charter, scratch) = try clone(["--depth", "1", "--no-single-branch"])
        defer { withExtendedLifetime((source, scratch)) {} }
        let log = try charter.run(["log"])
        #expect(log.status == 2)
        #expect(log.stderr.hasPrefix("charter: .git/shallow: the history stops at "), "\(log.stderr)")
        #expect(log.stderr.contains("this clone is shallow (git: read commit "), "\(log.stderr)")
        #expect(log.stderr.contains("object not found"), "\(log.stderr)")
        #expect(log.stderr.contains("hint: fetch the whole history with `git fetch --unshallow`"), "\(log.stderr)")
        let doctor = try charter.run(["doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("shallow clone"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("git fetch --unshallow"))
        try git("fetch", "-q", "--unshallow")
        let after = try charter.run(["log"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("Révision 1"))
    }

    @Test("in a single-branch clone, status says no deliberation was fetched and gives the git fetch that fetches it")
    func singleBranchClone() throws {
        let (source, git, charter, scratch) = try clone(["--single-branch", "--branch", "main"])
        defer { withExtendedLifetime((source, scratch)) {} }
        let status = try charter.run(["status"])
        #expect(status.status == 0, "\(status.stderr)")
        let command = "git remote set-branches --add origin deliberation && git fetch origin deliberation"
        #expect(status.stderr.contains("no deliberation records found: this clone fetched one branch only, not deliberation"),
                "\(status.stderr)")
        #expect(status.stderr.contains(command))
        let doctor = try charter.run(["doctor", "--format", "json"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("\"kind\" : \"single-branch-clone\""), "\(doctor.stdout)")
        try git("remote", "set-branches", "--add", "origin", "deliberation")
        try git("fetch", "-q", "origin", "deliberation")
        let fixed = try charter.run(["status"])
        #expect(!fixed.stderr.contains("no deliberation records found"), "\(fixed.stderr)")
        #expect(try charter.run(["doctor"]).status == 0)
    }

    @Test("a libgit2 failure that reaches the command line is a sentence with a hint, libgit2's words kept, never a bare Error:")
    func rawGitFailureIsWrapped() throws {
        let workspace = try Workspace.withBundledCharter()
        let blob = try workspace.git("rev-parse", "HEAD:charter/clauses/juste-place.md").trimmingCharacters(in: .whitespacesAndNewlines)
        let object = workspace.url.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        try FileManager.default.removeItem(at: object)
        let show = try workspace.charter.run(["show", "juste-place", "--at", "HEAD"])
        #expect(show.status == 2)
        #expect(show.stderr.hasPrefix("charter: charter could not finish the command ("), "\(show.stderr)")
        #expect(show.stderr.contains(blob), "\(show.stderr)")
        #expect(show.stderr.contains("hint: check the repository with `git fsck` and `charter doctor`"), "\(show.stderr)")
        #expect(!show.stderr.contains("Error:"))
        let french = try workspace.charter.run(["show", "juste-place", "--at", "HEAD", "--lang", "fr"])
        #expect(french.stderr.contains("charter n’a pas pu terminer la commande ("), "\(french.stderr)")
    }
}
