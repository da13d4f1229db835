import CharterKit
import Foundation
import TestSupport
import Testing

@Suite("charter list, show, log and diff, end to end")
struct ReadingCommandsTests {
    /// The bundled charter, then a revision that rewrites a clause, retitles one,
    /// moves one and adds one.
    static func editedWorkspace() throws -> Workspace {
        let workspace = try Workspace.withBundledCharter()
        var manifest = workspace.read("charter/charter.yml") ?? ""
        manifest = manifest.replacingOccurrences(of: "[bien-commun, envie-alliance, odd-17, interdependances]",
                                                 with: "[bien-commun, envie-alliance, interdependances, odd-17, nouvelle-clause]")
        try workspace.write("charter/charter.yml", manifest)
        try workspace.write("charter/clauses/nouvelle-clause.md", "---\nid: nouvelle-clause\ntitle: Une clause nouvelle\n---\n\nElle naît en atelier.\n")
        let juste = (workspace.read("charter/clauses/juste-place.md") ?? "")
            .replacingOccurrences(of: "title: La juste place de chacun", with: "title: La juste place")
            .replacingOccurrences(of: "ni instrumentalisé, ni effacé", with: "jamais instrumentalisé ni effacé")
        try workspace.write("charter/clauses/juste-place.md", juste)
        try workspace.git.commitAll("Atelier de Lyon : reformulations", author: "Karim Benali <karim@example.org>")
        return workspace
    }

    @Test func listShowsNumberedClausesPerSection() throws {
        let workspace = try Self.editedWorkspace()
        let now = try workspace.charter.run("list")
        #expect(now.status == 0, "\(now.stderr)")
        #expect(now.stdout.hasPrefix("Charte du faire alliance\n\nPréambule\n    1. Préambule  [preambule]\n"))
        #expect(now.stdout.contains("    5. L’alliance au service des objectifs de développement durable  [odd-17]"))
        let before = try workspace.charter.run("list", "--at", "HEAD~1")
        #expect(before.stdout.contains("    4. L’alliance au service des objectifs de développement durable  [odd-17]"))
        #expect(!before.stdout.contains("nouvelle-clause"))
    }

    @Test func showByIDOrNumberAtAnyRevision() throws {
        let workspace = try Self.editedWorkspace()
        let byID = try workspace.charter.run("show", "juste-place")
        #expect(byID.status == 0)
        #expect(byID.stdout.hasPrefix("8. La juste place  [juste-place]  — La confiance comme contrat\n\n"))
        #expect(byID.stdout.contains("jamais instrumentalisé ni effacé"))
        let old = try workspace.charter.run("show", "7", "--at", "HEAD~1", "--format", "json")
        let json = try JSONSerialization.jsonObject(with: Data(old.stdout.utf8)) as? [String: Any]
        #expect(json?["id"] as? String == "juste-place")
        #expect(json?["title"] as? String == "La juste place de chacun")
        let unknown = try workspace.charter.run("show", "nulle-part")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no clause `nulle-part`"))
    }

    @Test func logFollowsAClauseByID() throws {
        let workspace = try Self.editedWorkspace()
        let log = try workspace.charter.run("log", "juste-place")
        #expect(log.status == 0, "\(log.stderr)")
        let entries = log.stdout.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(entries.count == 2)
        #expect(entries[0].contains("Karim Benali <karim@example.org>"))
        #expect(entries[0].contains("Atelier de Lyon : reformulations"))
        #expect(entries[0].contains("8. juste-place: text changed (+1/−1 words), retitled « La juste place de chacun » → « La juste place », renumbered 7 → 8"))
        #expect(entries[1].contains("7. juste-place: added"))
        let moved = try workspace.charter.run("log", "odd-17", "--format", "json")
        let json = try JSONSerialization.jsonObject(with: Data(moved.stdout.utf8)) as? [[String: Any]]
        let kinds = (json?.first?["events"] as? [[String: Any]])?.first?["kinds"] as? [String]
        #expect(kinds == ["moved"])
        let all = try workspace.charter.run("log", "-n", "1")
        #expect(all.stdout.contains("nouvelle-clause: added"))
        #expect(all.stdout.contains("4. interdependances: renumbered 5 → 4"))
        #expect(all.stdout.contains("5. odd-17: moved 4 → 5"))
    }

    @Test func diffBetweenRevisionsInEveryFormat() throws {
        let workspace = try Self.editedWorkspace()
        let text = try workspace.charter.run("diff", "HEAD~1", "HEAD", "--color", "never")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("[-ni-]{+jamais+} instrumentalisé"))
        #expect(text.stdout.contains("nouvelle-clause"))
        #expect(!text.stdout.contains("\u{1B}["))
        let colored = try workspace.charter.run("diff", "HEAD~1", "HEAD", "--color", "always")
        #expect(colored.stdout.contains("\u{1B}["))
        let markdown = try workspace.charter.run("diff", "HEAD~1", "HEAD", "--format", "markdown")
        #expect(markdown.stdout.contains("{~~ni~>jamais~~}"))
        let html = try workspace.charter.run("diff", "HEAD~1", "HEAD", "--format", "html")
        #expect(html.stdout.hasPrefix("<!doctype html>") || html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<del>ni</del>"))
        #expect(html.stdout.contains("lang=\"fr\""))
    }

    @Test func jsonDiffAppliedToTheOldTextGivesTheNewExactly() throws {
        let workspace = try Self.editedWorkspace()
        let json = try workspace.charter.run("diff", "HEAD~1", "HEAD", "--format", "json")
        #expect(json.status == 0, "\(json.stderr)")
        let diff = try JSONDiffRenderer.decode(json.stdout)
        let repository = try CharterRepository(discoveringFrom: workspace.url.path)
        let old = try repository.charter(.revision("HEAD~1"))
        let new = try repository.charter(.revision("HEAD"))
        #expect(try diff.apply(to: old) == new)
    }

    @Test func diffDefaultsToTheWorkingTree() throws {
        let workspace = try Self.editedWorkspace()
        let clean = try workspace.charter.run("diff")
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("0 clauses") || clean.stdout.contains("no change") || clean.stdout.contains("No change"))
        let preamble = (workspace.read("charter/clauses/preambule.md") ?? "") + "Une phrase ajoutée.\n"
        try workspace.write("charter/clauses/preambule.md", preamble)
        let dirty = try workspace.charter.run("diff", "--color", "never")
        #expect(dirty.stdout.contains("{+Une phrase ajoutée."))
        let sinceOld = try workspace.charter.run("diff", "HEAD~1", "--color", "never")
        #expect(sinceOld.stdout.contains("{+Une phrase ajoutée."))
        #expect(sinceOld.stdout.contains("nouvelle-clause"))
    }

    @Test func commandsWorkFromASubfolderWithRepoAndDir() throws {
        let workspace = try Self.editedWorkspace()
        let sub = workspace.url.appendingPathComponent("charter/clauses")
        let fromSub = try CharterCLI(sub, home: workspace.url.path).run("list")
        #expect(fromSub.status == 0, "\(fromSub.stderr)")
        #expect(fromSub.stdout.contains("[nouvelle-clause]"))
        let elsewhere = Scratch()
        let viaRepo = try CharterCLI(elsewhere.url).run("list", "--repo", sub.path)
        #expect(viaRepo.status == 0, "\(viaRepo.stderr)")
        try workspace.git("mv", "charter", "texte")
        try workspace.git.commitAll("Déplacement du dossier")
        let viaDir = try workspace.charter.run("list", "--dir", "texte", "--at", "HEAD")
        #expect(viaDir.status == 0, "\(viaDir.stderr)")
        #expect(viaDir.stdout.contains("[nouvelle-clause]"))
        let missing = try workspace.charter.run("list")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no charter here"))
    }

    @Test func unknownRevisionAndUsageErrorsExitTwo() throws {
        let workspace = try Self.editedWorkspace()
        let unknown = try workspace.charter.run("diff", "v9.9", "HEAD")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown revision `v9.9`"))
        let usage = try workspace.charter.run("list", "--format", "pdf")
        #expect(usage.status == 2)
        let help = try workspace.charter.run("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("SUBCOMMANDS"))
        let nowhere = Scratch()
        let outside = try CharterCLI(nowhere.url).run("list")
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("no git repository"))
    }
}
