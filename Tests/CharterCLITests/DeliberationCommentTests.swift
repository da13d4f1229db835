import Foundation
import TestSupport
import Testing

@Suite("charter comment add, list and retract, end to end")
struct DeliberationCommentTests {
    static let lyon = Array(Deliberating.territories.prefix(5))

    @Test func commentsAreRecordedOneCommitEachAndEveryRefusalLeavesTheBranchAlone() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Self.lyon)
        let main = try d.revParse("main")
        let blob = try d.revParse("main:charter/clauses/bien-commun.md")
        let add = ["comment", "add", "--workshop", "lyon", "--facilitator", Deliberating.facilitator]

        // A support given by the clause's number and a French word.
        let support = try d.recorded(add + ["--territory", "haut-verdal", "--clause", "2", "--position", "adhésion", "Nous adhérons."],
                                     subject: "Support by haut-verdal on bien-commun at lyon")
        let supportID = try #require(support.added.first.map { String($0.split(separator: "/").last!.dropLast(5)) })
        #expect(support.added == ["clauses/bien-commun/\(supportID.suffix(2))/\(supportID).json"])
        #expect(support.result.stdout == "Recorded \(supportID) (support) for haut-verdal on bien-commun.\n")
        let record = try d.record(#require(support.added.first))
        #expect(record["id"] as? String == supportID)
        #expect(record["kind"] as? String == "comment")
        #expect(record["clock"] as? Int == 2)
        #expect(record[path: "facilitator.name"] as? String == "Camille Martin")
        #expect(record[path: "comment.workshop"] as? String == "lyon")
        #expect(record[path: "comment.territory"] as? String == "haut-verdal")
        #expect(record[path: "comment.clause"] as? String == "bien-commun")
        #expect(record[path: "comment.position"] as? String == "support")
        #expect(record[path: "comment.text"] as? String == "Nous adhérons.")
        #expect(record[path: "comment.revision"] as? String == main)
        #expect(record[path: "comment.blob"] as? String == blob, "the clause's blob id, as git computes it")
        #expect(record[path: "comment.quote"] == nil)

        // A reservation on a quoted span: the quote keeps its context.
        let reservation = try d.recorded(add + ["--territory", "pays-d-ormanges", "--clause", "bien-commun", "--position", "réserve",
                                                "--quote", "fin en soi", "Préciser « fin en soi »."],
                                         subject: "Reservation by pays-d-ormanges on bien-commun at lyon")
        let quoted = try d.record(#require(reservation.added.first))
        #expect(quoted[path: "comment.position"] as? String == "reservation")
        #expect(quoted[path: "comment.quote.exact"] as? String == "fin en soi")
        #expect(quoted[path: "comment.quote.prefix"] as? String == "L’alliance n’est pas une ")
        #expect(quoted[path: "comment.quote.suffix"] as? String == ". Elle se justifie par ce qu’ell", "32 characters of context")
        let objectionID = try d.comment("lyon", "vallee-de-la-sorgeac", "odd-17", "objection", "Trop abstrait, à revoir ; pas maintenant.")
        let remarkID = try d.comment("lyon", "port-saint-aubin", "bien-commun", nil, "Qui décide de « l’intérêt général » ?")
        try d.comment("lyon", "plateau-des-mille-sources", "1", "soutien", "")
        #expect(try d.git("log", "-3", "--format=%s", "deliberation") == """
            Support by plateau-des-mille-sources on preambule at lyon
            Remark by port-saint-aubin on bien-commun at lyon
            Objection by vallee-de-la-sorgeac on odd-17 at lyon

            """)

        // Every refusal leaves the branch as it was.
        let ok = ["--territory", "haut-verdal", "--clause", "bien-commun", "--position", "objection", "Non."]
        func with(_ option: String, _ value: String) -> [String] {
            var arguments = add + ok
            arguments[arguments.firstIndex(of: option)! + 1] = value
            return arguments
        }
        try d.refused(with("--territory", "nulle-terre"), saying: "territory `nulle-terre` is not in the manifest")
        try d.refused(with("--territory", "ile-de-keraven"), saying: "territory `ile-de-keraven` did not take part in workshop `lyon`")
        try d.refused(with("--clause", "nulle-part"), saying: "no clause `nulle-part` in the text of workshop `lyon`")
        try d.refused(with("--clause", "99"), saying: "no clause `99` in the text of workshop `lyon`")
        try d.refused(with("--workshop", "nantes"), saying: "no workshop `nantes`")
        try d.refused(with("--position", "peut-être"), saying: "--position")
        try d.refused(add + ok + ["--quote", "fin en soi absolue"],
                      saying: "the quote « fin en soi absolue » does not occur in clause `bien-commun`")
        try d.refused(add + ok.dropLast(), saying: "an objection must give its reason")
        try d.refused(add + ok.dropLast() + ["  \n "], saying: "an objection must give its reason")
        try d.refused(Array(with("--position", "reservation").dropLast()) + [""], saying: "a reservation must give its reason")
        try d.refused(add + ["--territory", "haut-verdal", "--clause", "2"], saying: "a comment without a position needs a text")
        try d.refused(with("--facilitator", "camille@example.org"), saying: "--facilitator must look like")

        // Without --facilitator, git's identity records.
        let byIdentity = try d.recorded(["comment", "add", "--workshop", "lyon", "--territory", "haut-verdal", "--clause", "odd-17",
                                         "--position", "support"],
                                        subject: "Support by haut-verdal on odd-17 at lyon", author: Deliberating.gitIdentity)
        #expect(try d.record(#require(byIdentity.added.first))[path: "facilitator.email"] as? String == "editrice@example.org")

        // Listing, in every format and with every filter.
        let text = try d.run(["comment", "list"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("""
            \(supportID)  lyon  haut-verdal  bien-commun  support
                Nous adhérons.
            """))
        #expect(text.stdout.contains("""
            pays-d-ormanges  bien-commun  reservation
                Préciser « fin en soi ».
                « fin en soi » — now at line 1, column 26
            """))
        #expect(text.stdout.contains("\(remarkID)  lyon  port-saint-aubin  bien-commun  remark\n"))
        let json = try d.commentsJSON()
        #expect(json.count == 6)
        #expect(json.map { $0[path: "comment.clock"] as? Int } == [2, 3, 4, 5, 6, 7])
        #expect(json.allSatisfy { $0["currency"] as? String == "current" })
        #expect(json[1][path: "anchor.line"] as? Int == 1 && json[1][path: "anchor.column"] as? Int == 26)
        let csv = try d.run(["comment", "list", "--format", "csv"])
        let csvLines = csv.stdout.components(separatedBy: "\r\n")
        #expect(csvLines.first == "id,workshop,territory,clause,position,currency,retracted,comment,quote")
        #expect(csvLines.count == 8 && csvLines.last == "")
        #expect(csvLines.contains("\(objectionID),lyon,vallee-de-la-sorgeac,odd-17,objection,current,no,\"Trop abstrait, à revoir ; pas maintenant.\","))
        #expect(csvLines.contains("\(remarkID),lyon,port-saint-aubin,bien-commun,,current,no,Qui décide de « l’intérêt général » ?,"))
        #expect(try d.commentsJSON(["--clause", "2"]).count == 3)
        #expect(try d.commentsJSON(["--clause", "bien-commun", "--territory", "haut-verdal"]).map { $0[path: "comment.id"] as? String } == [supportID])
        #expect(try d.commentsJSON(["--territory", "haut-verdal"]).count == 2)
        #expect(try d.commentsJSON(["--workshop", "lyon"]).count == 6)
        #expect(try d.commentsJSON(["--workshop", "nantes"]).isEmpty)
        #expect(try d.run(["comment", "list", "--stale"]).stdout == "No comment.\n")

        // Retracting: a new record, the comment stays, marked.
        try d.refused(["comment", "retract", "pas-un-id", "--reason", "erreur"], saying: "no comment `pas-un-id`")
        try d.refused(["comment", "retract", "01890000-0000-7000-8000-000000000000", "--reason", "erreur"],
                      saying: "no comment `01890000-0000-7000-8000-000000000000`")
        try d.refused(["comment", "retract", objectionID, "--reason", ""], saying: "a retraction needs a reason")
        try d.refused(["comment", "retract", objectionID], saying: "Missing expected argument '--reason <reason>'")
        let retracted = try d.recorded(["comment", "retract", objectionID, "--reason", "saisie en double", "--facilitator", Deliberating.facilitator],
                                       subject: "Retract comment \(objectionID): saisie en double")
        let retraction = try d.record(#require(retracted.added.first))
        #expect(retracted.added.first?.hasPrefix("clauses/odd-17/") == true)
        #expect(retraction["kind"] as? String == "comment-retracted")
        #expect(retraction[path: "comment-retracted.comment"] as? String == objectionID)
        #expect(retraction[path: "comment-retracted.reason"] as? String == "saisie en double")
        #expect(try d.files(under: "clauses/odd-17").count == 3, "the comment stays in the history")
        try d.refused(["comment", "retract", objectionID, "--reason", "encore"], saying: "comment `\(objectionID)` is already retracted")
        #expect(try d.run(["comment", "list", "--clause", "odd-17"]).stdout
                    .contains("\(objectionID)  lyon  vallee-de-la-sorgeac  odd-17  objection  [retracted: saisie en double]"))
        #expect(try d.run(["comment", "list", "--format", "csv"]).stdout.contains(",objection,current,yes,"))
        // As lists show them: the last 8 hex digits name a comment too.
        let sharedPrefix = String(supportID.prefix(4))  // every id made in this test starts with the same time bits
        try d.refused(["comment", "retract", sharedPrefix, "--reason", "erreur"], saying: "`\(sharedPrefix)` names")
        try d.recorded(["comment", "retract", String(supportID.suffix(8)), "--reason", "doublon", "--facilitator", Deliberating.facilitator],
                       subject: "Retract comment \(supportID): doublon")

        // A closed workshop takes nothing more until it is reopened with a reason.
        try d.recorded(["workshop", "close", "lyon", "--facilitator", Deliberating.facilitator], subject: "Close workshop lyon")
        try d.refused(add + ok, saying: "workshop `lyon` is closed: nothing more is recorded in it")
        try d.refused(["comment", "retract", remarkID, "--reason", "erreur"], saying: "workshop `lyon` is closed")
        let sheet = try d.input("feuille.csv", "territoire;article;position;commentaire\nhaut-verdal;3;soutien;Oui\n")
        try d.refused(["comment", "import", sheet, "--workshop", "lyon"], saying: "workshop `lyon` is closed")
        try d.refused(["workshop", "reopen", "lyon"], saying: "Missing expected argument '--reason <reason>'")
        try d.recorded(["workshop", "reopen", "lyon", "--reason", "oubli", "--facilitator", Deliberating.facilitator],
                       subject: "Reopen workshop lyon: oubli")
        try d.recorded(add + ok, subject: "Objection by haut-verdal on bien-commun at lyon")
        try d.recorded(["comment", "retract", remarkID, "--reason", "hors sujet", "--facilitator", Deliberating.facilitator],
                       subject: "Retract comment \(remarkID): hors sujet")
        try d.recorded(["comment", "import", sheet, "--workshop", "lyon", "--facilitator", Deliberating.facilitator],
                       subject: "Import 1 comment from feuille.csv into workshop lyon")

        // No identity at all: refused, with the way out.
        let anonymous = ["GIT_AUTHOR_NAME": "", "GIT_AUTHOR_EMAIL": "", "GIT_COMMITTER_NAME": "", "GIT_COMMITTER_EMAIL": ""]
        let refusal = try d.refused(Array(add.prefix(4)) + ok, saying: "no facilitator to record the entry under", environment: anonymous)
        #expect(refusal.stderr.contains("--facilitator"))

        #expect(try d.git("rev-list", "--count", "deliberation") == "14\n")
        try d.expectHealthy()
    }
}
