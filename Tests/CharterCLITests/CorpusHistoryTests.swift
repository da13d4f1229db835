import Foundation
import TestSupport
import Testing

/// The corpus's Jekyll page (Tests/CharterKitTests/Corpus) as a document's history: committed as
/// written, then as its authors corrected it; imported with `--history`, and `charter log` and
/// `charter diff` (text, Markdown CriticMarkup) asserted exactly.
@Suite("The corpus as a history: log and diff, exactly")
struct CorpusHistoryTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("CharterKitTests/Corpus")

    /// The Jekyll page, then its corrected version: `etc...` as the check asks, a word changed, a
    /// sentence added, a heading retitled, and `layout: page` changed both in the front matter (not
    /// a clause change) and in the YAML code block of the last clause (a clause change).
    static func importedHistory() throws -> Workspace {
        let original = try String(contentsOf: corpus.appendingPathComponent("jekyll-charte.md"), encoding: .utf8)
        let workspace = try Workspace()
        try workspace.write("site/charte.md", original)
        try workspace.git.commitAll("Page de la charte")
        var corrected = original
        for (wrong, right) in [("layout: page", "layout: default"),
                               ("etc...", "etc."),
                               ("Pourquoi pas ?", "Pourquoi pas ? Parce que."),
                               ("ils décident ensemble", "ils délibèrent ensemble"),
                               ("## Les liens et le code", "## Les liens, le code et le HTML")] {
            #expect(corrected.contains(wrong), "the corpus still holds \(wrong)")
            corrected = corrected.replacingOccurrences(of: wrong, with: right)
        }
        try workspace.write("site/charte.md", corrected)
        try workspace.git.commitAll("Corrections de l’atelier")
        let imported = try workspace.charter.run("import", "site/charte.md", "--history")
        #expect(imported.status == 0, "\(imported.stderr)")
        return workspace
    }

    @Test func logShowsEachRevisionsClauseChanges() throws {
        let workspace = try Self.importedHistory()
        let log = try workspace.charter.run(["log"], environment: ["LANG": "C"])
        #expect(log.status == 0, "\(log.stderr)")
        let (parent, head) = try Self.ids(workspace)
        #expect(log.stdout == Self.expectedLog(parent: parent, head: head), "\(log.stdout)")
    }

    @Test func diffInTextAndCriticMarkup() throws {
        let workspace = try Self.importedHistory()
        let text = try workspace.charter.run(["diff", "HEAD~1", "HEAD", "--color", "never"], environment: ["LANG": "C"])
        #expect(text.status == 0, "\(text.stderr)")
        let (parent, head) = try Self.ids(workspace)
        #expect(text.stdout == Self.expectedText(parent: parent, head: head), "\(text.stdout)")
        let markdown = try workspace.charter.run(["diff", "HEAD~1", "HEAD", "--format", "markdown"], environment: ["LANG": "C"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout == Self.expectedMarkdown(parent: parent, head: head), "\(markdown.stdout)")
    }

    /// The short ids of the two imported revisions, from the `git` CLI.
    static func ids(_ workspace: Workspace) throws -> (parent: String, head: String) {
        (try workspace.git("rev-parse", "--short=7", "HEAD~1").trimmingCharacters(in: .whitespacesAndNewlines),
         try workspace.git("rev-parse", "--short=7", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func expectedLog(parent: String, head: String) -> String {
        """
        \(head)  2026-01-01  Test Éditrice <editrice@example.org>
            Corrections de l’atelier
            2. le-mode-de-gestion-repose-sur-la-confiance: text changed (+1/−1 words)
            3. les-liens-et-le-code: text changed (+3/−1 words), retitled « Les liens et le code » → « Les liens, le code et le HTML »

        \(parent)  2026-01-01  Test Éditrice <editrice@example.org>
            Page de la charte
            1. preambule: added
            2. le-mode-de-gestion-repose-sur-la-confiance: added
            3. les-liens-et-le-code: added


        """
    }

    static func expectedText(parent: String, head: String) -> String {
        """
        diff HEAD~1 (\(parent)) → HEAD (\(head))
          2. le-mode-de-gestion-repose-sur-la-confiance  « Le mode de gestion repose sur la confiance. »  modified (+1 −1 words)
             Les partenaires s&rsquo;engagent&nbsp;: ils partagent leurs informations&nbsp;; ils [-décident-]{+délibèrent+} ensemble.
             Nous disons &laquo;&nbsp;faire alliance&nbsp;&raquo; et non «\u{A0}coopérer\u{A0}».
             …
             - les territoires ;
             - les entreprises, les associations, etc[-..-].
               - y compris les fondations
             …
          3. les-liens-et-le-code  « Les liens, le code et le HTML »  modified (+3 −1 words), retitled (was « Les liens et le code »)
             …
             ="a:b">une note</span> ne sont pas du texte.
             Pourquoi pas ?{+ Parce que.+}
             …
             ```yaml
             layout: [-page-]{+default+}
             cle: valeur
             …
        2 clauses modified, 1 retitled

        """
    }

    static func expectedMarkdown(parent: String, head: String) -> String {
        """
        # Changes from HEAD~1 (\(parent)) to HEAD (\(head))

        ## 2. Le mode de gestion repose sur la confiance.

        `le-mode-de-gestion-repose-sur-la-confiance` — modified (+1 −1 words)

        Les partenaires s&rsquo;engagent&nbsp;: ils partagent leurs informations&nbsp;; ils {~~décident~>délibèrent~~} ensemble.
        Nous disons &laquo;&nbsp;faire alliance&nbsp;&raquo; et non «\u{A0}coopérer\u{A0}».

        - les territoires ;
        - les entreprises, les associations, etc{--..--}.
          - y compris les fondations

        ## 3. Les liens, le code et le HTML

        `les-liens-et-le-code` — modified (+3 −1 words), retitled (was « Les liens et le code »)

        Un lien [vers le guide](https://exemple.org/guide?a=1&b=2:3) et une adresse <https://exemple.org/a:b>.
        Du code `a:b` et du HTML <span class="note" title="a:b">une note</span> ne sont pas du texte.
        Pourquoi pas ? {++Parce que.++}

        ```yaml
        layout: {~~page~>default~~}
        cle: valeur
        ```

        [FAQ]: https://exemple.org/faq
        [guide]: https://exemple.org/guide "Le guide"

        ---

        2 clauses modified, 1 retitled.

        """
    }
}
