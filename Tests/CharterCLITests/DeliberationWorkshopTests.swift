import Foundation
import TestSupport
import Testing

@Suite("charter workshop open, close, reopen, list and show, end to end")
struct DeliberationWorkshopTests {
    static let lyon = Array(Deliberating.territories.prefix(5))

    @Test func workshopLifecycleAndEveryRefusal() throws {
        let d = try Deliberating()
        let open = ["workshop", "open", "lyon", "--title", "Atelier de Lyon", "--date", "2026-03-14",
                    "--territories", Self.lyon.joined(separator: ","), "--facilitator", Deliberating.facilitator]
        func opening(replacing option: String, with value: String) -> [String] {
            var arguments = open
            arguments[arguments.firstIndex(of: option)! + 1] = value
            return arguments
        }

        // Refusals before anything was recorded: no deliberation branch appears.
        try d.refused(opening(replacing: "--date", with: "2026-02-30"), saying: "`2026-02-30` is not a date in the form YYYY-MM-DD")
        try d.refused(opening(replacing: "--date", with: "14/03/2026"), saying: "is not a date in the form YYYY-MM-DD")
        try d.refused(opening(replacing: "--date", with: "2026-3-14"), saying: "is not a date in the form YYYY-MM-DD")
        try d.refused(["workshop", "open", "Lyon 2026"] + open.dropFirst(3), saying: "`Lyon 2026` is not a valid workshop id")
        try d.refused(opening(replacing: "--territories", with: "haut-verdal,nulle-terre"),
                      saying: "territory `nulle-terre` is not in the manifest")
        try d.refused(opening(replacing: "--territories", with: " , "), saying: "name the territories taking part")
        try d.refused(opening(replacing: "--title", with: "  "), saying: "the workshop needs a title")
        try d.refused(opening(replacing: "--facilitator", with: "Camille sans adresse"), saying: "--facilitator must look like")
        try d.refused(open + ["--at", "no-such-revision"], saying: "no-such-revision")
        try d.refused(Array(open.dropLast(2)), saying: "no facilitator to record the entry under",
                      environment: ["GIT_AUTHOR_NAME": "", "GIT_AUTHOR_EMAIL": "", "GIT_COMMITTER_NAME": "", "GIT_COMMITTER_EMAIL": ""])
        #expect(d.tip() == nil)

        // Opening: one commit, one record naming the text under debate.
        let opened = try d.recorded(open + ["--place", "Lyon, Halle Tony-Garnier"], subject: "Open workshop lyon: Atelier de Lyon")
        let main = try d.revParse("main")
        #expect(opened.result.stdout == "Opened workshop lyon « Atelier de Lyon » on 2026-03-14 with 5 territories, on text \(main.prefix(7)).\n")
        #expect(opened.added.count == 1)
        let path = try #require(opened.added.first)
        #expect(path.hasPrefix("workshops/lyon/") && path.hasSuffix(".json"))
        let record = try d.record(path)
        #expect(record["kind"] as? String == "workshop-opened")
        #expect(record["clock"] as? Int == 1)
        #expect("workshops/lyon/\(record["id"] as? String ?? "").json" == path)
        #expect(record[path: "facilitator.name"] as? String == "Camille Martin")
        #expect(record[path: "facilitator.email"] as? String == "camille@example.org")
        #expect(record[path: "workshop-opened.revision"] as? String == main)
        #expect(record[path: "workshop-opened.territories"] as? [String] == Self.lyon)
        #expect(record[path: "workshop-opened.place"] as? String == "Lyon, Halle Tony-Garnier")
        #expect(record[path: "workshop-opened.date"] as? String == "2026-03-14")

        // Without --facilitator, git's identity records (on the text given by --at).
        let other = try d.recorded(["workshop", "open", "marseille", "--title", "Atelier de Marseille", "--date", "2026-02-01",
                                    "--territories", "ile-de-keraven,bassin-de-carvignac", "--at", "HEAD"],
                                   subject: "Open workshop marseille: Atelier de Marseille", author: Deliberating.gitIdentity)
        #expect(try d.record(#require(other.added.first))[path: "workshop-opened.revision"] as? String == main)

        try d.refused(open, saying: "workshop `lyon` already exists")

        // Listing: by date, then id.
        let list = try d.run(["workshop", "list"])
        #expect(list.status == 0)
        #expect(list.stdout == """
            2026-02-01  marseille  « Atelier de Marseille »  open  2 territories, 0 comments
            2026-03-14  lyon  « Atelier de Lyon » — Lyon, Halle Tony-Garnier  open  5 territories, 0 comments

            """)
        let listJSON = try JSONSerialization.jsonObject(with: Data(d.run(["workshop", "list", "--format", "json"]).stdout.utf8)) as? [[String: Any]]
        #expect(listJSON?.map { $0["id"] as? String } == ["marseille", "lyon"])
        #expect(listJSON?.map { $0["isOpen"] as? Bool } == [true, true])

        // Closing seals it; a second closing, or closing what does not exist, is refused.
        try d.recorded(["workshop", "close", "lyon", "--facilitator", Deliberating.facilitator], subject: "Close workshop lyon")
        try d.refused(["workshop", "close", "lyon"], saying: "workshop `lyon` is already closed")
        try d.refused(["workshop", "close", "nantes"], saying: "no workshop `nantes`")
        #expect(try d.run(["workshop", "list"]).stdout.contains("lyon  « Atelier de Lyon » — Lyon, Halle Tony-Garnier  closed"))

        // Reopening needs a reason, and only a closed workshop can be reopened.
        try d.refused(["workshop", "reopen", "lyon"], saying: "Missing expected argument '--reason <reason>'")
        try d.refused(["workshop", "reopen", "lyon", "--reason", " "], saying: "reopening a sealed workshop needs a reason")
        try d.refused(["workshop", "reopen", "marseille", "--reason", "rien"], saying: "workshop `marseille` is open already")
        try d.refused(["workshop", "reopen", "nantes", "--reason", "rien"], saying: "no workshop `nantes`")
        let reopened = try d.recorded(["workshop", "reopen", "lyon", "--reason", "une feuille oubliée", "--facilitator", Deliberating.facilitator],
                                      subject: "Reopen workshop lyon: une feuille oubliée")
        let reopening = try d.record(#require(reopened.added.first))
        #expect(reopening["kind"] as? String == "workshop-reopened")
        #expect(reopening[path: "workshop-reopened.reason"] as? String == "une feuille oubliée")
        #expect(reopening["clock"] as? Int == 4)

        // Show: who was there, the story, what was said, the status as of the workshop.
        let show = try d.run(["workshop", "show", "lyon"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("""
            lyon  « Atelier de Lyon »  2026-03-14  Lyon, Halle Tony-Garnier  (open)
            Text under debate: \(main.prefix(7))
            Territories: Vallée de la Sorgeac, Plateau des Mille Sources, Pays d’Ormanges, Communauté du Haut-Verdal, Agglomération de Port-Saint-Aubin
              workshop-closed by Camille Martin
              workshop-reopened by Camille Martin: une feuille oubliée

            What was said (0):

            Status as of the workshop:
            Status as of workshop lyon, on text \(main.prefix(7)) — rule: consent, quorum 4 — 5 territories
            """))
        let showJSON = try JSONSerialization.jsonObject(with: Data(d.run(["workshop", "show", "lyon", "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect(showJSON?[path: "workshop.id"] as? String == "lyon")
        #expect((showJSON?[path: "workshop.events"] as? [[String: Any]])?.map { $0["kind"] as? String }
                == ["workshop-opened", "workshop-closed", "workshop-reopened"])
        #expect((showJSON?[path: "status.territories"] as? [Any])?.count == 5)
        try d.refused(["workshop", "show", "nantes"], saying: "no workshop `nantes`")

        // The branch as git sees it: one commit per action, healthy.
        #expect(try d.git("log", "--format=%s", "deliberation") == """
            Reopen workshop lyon: une feuille oubliée
            Close workshop lyon
            Open workshop marseille: Atelier de Marseille
            Open workshop lyon: Atelier de Lyon

            """)
        try d.expectHealthy()
    }
}
