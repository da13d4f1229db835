import Testing
import CharterKit

@Suite("CharterDiff")
struct DiffCharterTests {
    typealias F = DiffFixtures

    static let base = F.charter([
        ("Préambule", [F.clause("preambule", "Préambule", "Le RAMEAU propose une charte.\n")]),
        ("Principes", [
            F.clause("juste-place", "La juste place", "Chacun trouve sa juste place dans l’alliance.\n"),
            F.clause("confiance", "La confiance", "La confiance se construit\u{A0}: pas à pas.\n", fields: ["statut": "débattu"]),
            F.clause("reciprocite", "La réciprocité", "Chacun donne et reçoit.\n"),
        ]),
        ("Engagements", [
            F.clause("ecoute", "L’écoute", "Nous écoutons les territoires.\n"),
            F.clause("engagement", "L’engagement", "Nous nous engageons ensemble.\n"),
        ]),
    ])

    func diffed(_ new: Charter, from old: Charter = base, sourceLocation: SourceLocation = #_sourceLocation) throws -> CharterDiff {
        let diff = CharterDiff.between(old, new, fromLabel: "v0.1", toLabel: "v0.2")
        #expect(try diff.apply(to: old) == new, sourceLocation: sourceLocation)
        return diff
    }

    func kinds(_ diff: CharterDiff) -> [String: [ClauseChange.Kind]] {
        Dictionary(uniqueKeysWithValues: diff.clauses.map { ($0.id.rawValue, $0.kinds) })
    }

    @Test func identicalChartersGiveAnEmptyDiff() throws {
        let diff = try diffed(Self.base)
        #expect(diff.isEmpty)
        #expect(diff.clauses.isEmpty)
        #expect(diff.manifest.isEmpty)
        #expect(diff.summary == DiffSummary())
    }

    @Test func modifiedBody() throws {
        var new = Self.base
        new.clauses[.diffID("confiance")]!.body = "La confiance se gagne\u{A0}: pas à pas.\n"
        let diff = try diffed(new)
        #expect(kinds(diff) == ["confiance": [.modified]])
        let change = try #require(diff.change(for: .diffID("confiance")))
        #expect(change.oldNumber == 3 && change.newNumber == 3)
        #expect(change.body?.deletedWords == 1)
        #expect(change.body?.insertedWords == 1)
        #expect(change.body?.segments.first == DiffSegment(kind: .equal, text: "La confiance se "))
        #expect(diff.summary.modified == 1)
        #expect(diff.manifest.isEmpty)
    }

    @Test func addedClauseRenumbersTheFollowingOnes() throws {
        var new = Self.base
        new.clauses[.diffID("alliance")] = F.clause("alliance", "L’alliance", "Faire alliance.\n")
        new.manifest.sections[1].clauses.insert(.diffID("alliance"), at: 0)
        let diff = try diffed(new)
        #expect(kinds(diff) == [
            "alliance": [.added], "juste-place": [.renumbered], "confiance": [.renumbered],
            "reciprocite": [.renumbered], "ecoute": [.renumbered], "engagement": [.renumbered],
        ])
        #expect(diff.clauses.map(\.id.rawValue) == ["alliance", "juste-place", "confiance", "reciprocite", "ecoute", "engagement"])
        let added = try #require(diff.change(for: .diffID("alliance")))
        #expect(added.clause == ClauseSnapshot(title: "L’alliance", body: "Faire alliance.\n"))
        #expect(added.newNumber == 2 && added.oldNumber == nil)
        #expect(added.newSection == "Principes")
        #expect(diff.change(for: .diffID("engagement"))?.oldNumber == 6)
        #expect(diff.change(for: .diffID("engagement"))?.newNumber == 7)
        #expect(diff.summary.added == 1 && diff.summary.renumbered == 5 && diff.summary.moved == 0)
        #expect(diff.manifest.structure?.new == new.manifest.sections)
        #expect(diff.manifest.sections.isEmpty)
    }

    @Test func removedClauseStaysWhereItWas() throws {
        var new = Self.base
        new.clauses[.diffID("confiance")] = nil
        new.manifest.sections[1].clauses.removeAll { $0 == .diffID("confiance") }
        let diff = try diffed(new)
        #expect(diff.clauses.map(\.id.rawValue) == ["confiance", "reciprocite", "ecoute", "engagement"])
        let removed = diff.clauses[0]
        #expect(removed.kinds == [.removed])
        #expect(removed.oldNumber == 3 && removed.newNumber == nil)
        #expect(removed.clause == ClauseSnapshot(Self.base.clauses[.diffID("confiance")]!))
        #expect(removed.number == 3 && removed.title == "La confiance")
        #expect(diff.clauses.dropFirst().allSatisfy { $0.kinds == [.renumbered] })
    }

    @Test func removedFirstClauseComesFirst() throws {
        var new = Self.base
        new.clauses[.diffID("preambule")] = nil
        new.manifest.sections[0].clauses = []
        let diff = try diffed(new)
        #expect(diff.clauses.first?.id == .diffID("preambule"))
        #expect(diff.clauses.first?.kinds == [.removed])
    }

    @Test func moveAcrossSectionsIsAMoveAndOthersAreRenumbered() throws {
        var new = Self.base
        new.manifest.sections[1].clauses = [.diffID("juste-place"), .diffID("reciprocite")]
        new.manifest.sections[2].clauses = [.diffID("ecoute"), .diffID("confiance"), .diffID("engagement")]
        let diff = try diffed(new)
        #expect(kinds(diff) == ["confiance": [.moved], "reciprocite": [.renumbered], "ecoute": [.renumbered]])
        #expect(diff.clauses.map(\.id.rawValue) == ["reciprocite", "ecoute", "confiance"])
        let moved = try #require(diff.change(for: .diffID("confiance")))
        #expect(moved.oldNumber == 3 && moved.newNumber == 5)
        #expect(moved.oldSection == "Principes" && moved.newSection == "Engagements")
        #expect(diff.summary.moved == 1 && diff.summary.renumbered == 2)
    }

    @Test func moveToAnotherSectionKeepingItsNumberIsStillAMove() throws {
        var new = Self.base
        new.manifest.sections[1].clauses.removeLast()
        new.manifest.sections[2].clauses.insert(.diffID("reciprocite"), at: 0)
        let diff = try diffed(new)
        #expect(kinds(diff) == ["reciprocite": [.moved]])
        let change = try #require(diff.change(for: .diffID("reciprocite")))
        #expect(change.oldNumber == 4 && change.newNumber == 4)
    }

    @Test func swapWithinASectionMovesOneClause() throws {
        var new = Self.base
        new.manifest.sections[1].clauses = [.diffID("confiance"), .diffID("juste-place"), .diffID("reciprocite")]
        let diff = try diffed(new)
        #expect(diff.clauses.count == 2)
        #expect(diff.summary.moved == 1 && diff.summary.renumbered == 1)
        #expect(diff.clauses.map(\.id.rawValue) == ["confiance", "juste-place"])
    }

    @Test func retitledAndFieldsChanged() throws {
        var new = Self.base
        new.clauses[.diffID("confiance")]!.title = "La confiance mutuelle"
        new.clauses[.diffID("confiance")]!.fields = ["statut": "adopté", "atelier": "Lyon"]
        new.clauses[.diffID("ecoute")]!.fields["atelier"] = "Nord"
        let diff = try diffed(new)
        #expect(kinds(diff) == ["confiance": [.retitled, .fieldsChanged], "ecoute": [.fieldsChanged]])
        let change = try #require(diff.change(for: .diffID("confiance")))
        #expect(change.oldTitle == "La confiance" && change.newTitle == "La confiance mutuelle")
        #expect(change.fields == [
            FieldChange(key: "atelier", old: nil, new: "Lyon"),
            FieldChange(key: "statut", old: "débattu", new: "adopté"),
        ])
        #expect(change.body == nil)
        #expect(diff.summary.retitled == 1 && diff.summary.fieldsChanged == 2)
    }

    @Test func sectionRetitledDoesNotMoveItsClauses() throws {
        var new = Self.base
        new.manifest.sections[1].title = "Nos principes"
        let diff = try diffed(new)
        #expect(diff.clauses.isEmpty)
        #expect(diff.manifest.sections == [
            SectionChange(kinds: [.retitled], oldIndex: 1, newIndex: 1, oldTitle: "Principes", newTitle: "Nos principes"),
        ])
        #expect(diff.manifest.structure != nil)
        #expect(!diff.isEmpty)
    }

    @Test func sectionAddedAndSectionRemoved() throws {
        var new = Self.base
        new.manifest.sections.remove(at: 0)
        new.manifest.sections[0].clauses.insert(.diffID("preambule"), at: 0)
        new.manifest.sections.append(Section(title: "Annexes", clauses: []))
        let diff = try diffed(new)
        #expect(diff.manifest.sections == [
            SectionChange(kinds: [.added], oldIndex: nil, newIndex: 2, oldTitle: nil, newTitle: "Annexes"),
            SectionChange(kinds: [.removed], oldIndex: 0, newIndex: nil, oldTitle: "Préambule", newTitle: nil),
        ])
        // Same number, other section: a move.
        let preambule = try #require(diff.change(for: .diffID("preambule")))
        #expect(preambule.kinds == [.moved])
        #expect(preambule.oldNumber == 1 && preambule.newNumber == 1)
        #expect(preambule.oldSection == "Préambule" && preambule.newSection == "Principes")
        #expect(diff.clauses.count == 1)
    }

    @Test func sectionsSwapped() throws {
        var new = Self.base
        new.manifest.sections.swapAt(1, 2)
        let diff = try diffed(new)
        #expect(diff.manifest.sections.count == 1)
        #expect(diff.manifest.sections.first?.kinds == [.moved])
        // The shorter section moves; the longer one is only renumbered.
        #expect(kinds(diff) == ["ecoute": [.moved], "engagement": [.moved],
                                "juste-place": [.renumbered], "confiance": [.renumbered], "reciprocite": [.renumbered]])
    }

    @Test func sectionMatchedByItsClausesWhenRetitled() throws {
        var new = Self.base
        new.manifest.sections[2].title = "Nos engagements"
        new.manifest.sections.swapAt(1, 2)
        new.manifest.sections.insert(Section(title: "Ouverture", clauses: []), at: 0)
        let diff = try diffed(new)
        let retitled = diff.manifest.sections.filter { $0.kinds.contains(.retitled) }
        #expect(retitled.count == 1)
        #expect(retitled.first?.oldTitle == "Engagements" && retitled.first?.newTitle == "Nos engagements")
        #expect(retitled.first?.oldIndex == 2 && retitled.first?.newIndex == 2)
        #expect(diff.manifest.sections.first == SectionChange(kinds: [.added], oldIndex: nil, newIndex: 0, oldTitle: nil, newTitle: "Ouverture"))
    }

    @Test func manifestTitleLanguageTerritoriesAndRule() throws {
        var new = Self.base
        new.manifest.title = "Charte de l’alliance"
        new.manifest.language = "fr-FR"
        new.manifest.territories = [Territory(id: "lyon", name: "Lyon")]
        new.manifest.consensus = ConsensusRule(kind: .majority, quorum: 4, threshold: 0.66)
        let diff = try diffed(new)
        #expect(diff.clauses.isEmpty)
        #expect(diff.manifest.title == ValueChange(old: "Charte du faire alliance", new: "Charte de l’alliance"))
        #expect(diff.manifest.language == ValueChange(old: "fr", new: "fr-FR"))
        #expect(diff.manifest.territories?.new.count == 1)
        #expect(diff.manifest.consensus?.new.kind == .majority)
        #expect(diff.manifest.structure == nil)
    }

    @Test func everythingAtOnceRoundTrips() throws {
        var new = Self.base
        new.clauses[.diffID("juste-place")]!.body = "Chacun, élu ou acteur, trouve sa place.\n\nAvec les autres.\n"
        new.clauses[.diffID("juste-place")]!.title = "La place de chacun"
        new.clauses[.diffID("ecoute")] = nil
        new.manifest.sections[2].clauses.removeFirst()
        new.clauses[.diffID("bien-commun")] = F.clause("bien-commun", "Le bien commun", "Le bien commun nous relie.\n")
        new.manifest.sections[2].clauses.append(.diffID("bien-commun"))
        new.manifest.sections[1].clauses.swapAt(1, 2)
        let diff = try diffed(new)
        #expect(diff.summary.added == 1)
        #expect(diff.summary.removed == 1)
        #expect(diff.summary.modified == 1)
        #expect(diff.summary.retitled == 1)
        #expect(diff.summary.moved == 1)
        // Reverse diff as well.
        let back = CharterDiff.between(new, Self.base, fromLabel: "v0.2", toLabel: "v0.1")
        #expect(try back.apply(to: new) == Self.base)
    }

    @Test func applyRefusesTheWrongCharter() throws {
        var new = Self.base
        new.clauses[.diffID("confiance")]!.body = "Autre texte.\n"
        let diff = CharterDiff.between(Self.base, new, fromLabel: "a", toLabel: "b")
        var other = Self.base
        other.clauses[.diffID("confiance")]!.body = "Encore un autre texte.\n"
        #expect(throws: DiffApplyError(.textMismatch, clause: .diffID("confiance"), part: "body")) {
            try diff.apply(to: other)
        }

        var added = Self.base
        added.clauses[.diffID("neuve")] = F.clause("neuve", "Neuve", "")
        added.manifest.sections[0].clauses.append(.diffID("neuve"))
        let addition = CharterDiff.between(Self.base, added, fromLabel: "a", toLabel: "b")
        do {
            _ = try addition.apply(to: added)
            Issue.record("applying an addition twice must fail")
        } catch {
            #expect(error.reason == .manifestMismatch || error.reason == .clauseExists)
        }
        var withoutStructureChange = addition
        withoutStructureChange.manifest = ManifestChange()
        #expect(throws: DiffApplyError(.clauseExists, clause: .diffID("neuve"), part: "clause")) {
            try withoutStructureChange.apply(to: added)
        }

        var removed = Self.base
        removed.clauses[.diffID("ecoute")] = nil
        removed.manifest.sections[2].clauses.removeFirst()
        var removal = CharterDiff.between(Self.base, removed, fromLabel: "a", toLabel: "b")
        removal.manifest = ManifestChange()
        #expect(throws: DiffApplyError(.clauseMissing, clause: .diffID("ecoute"), part: "clause")) {
            try removal.apply(to: removed)
        }

        var retitled = Self.base
        retitled.manifest.title = "Autre"
        #expect(throws: DiffApplyError(.manifestMismatch, part: "title")) {
            try CharterDiff.between(Self.base, retitled, fromLabel: "a", toLabel: "b").apply(to: retitled)
        }
        #expect(DiffApplyError(.manifestMismatch, part: "title").description.contains("manifest: the title differs"))
    }

    @Test func unlistedClausesAreCarriedToo() throws {
        var old = Self.base
        old.clauses[.diffID("orpheline")] = F.clause("orpheline", "Orpheline", "Hors structure.\n")
        var new = old
        new.clauses[.diffID("orpheline")]!.body = "Toujours hors structure.\n"
        new.manifest.sections[2].clauses.append(.diffID("orpheline"))
        let diff = try diffed(new, from: old)
        #expect(diff.change(for: .diffID("orpheline"))?.kinds == [.modified, .moved])
        #expect(diff.change(for: .diffID("orpheline"))?.newNumber == 7)
        #expect(diff.change(for: .diffID("orpheline"))?.oldNumber == nil)
    }

    @Test func twoHundredClauseCharterWithEdits() throws {
        var random = DiffFixtures.SplitMix64(seed: 200)
        let old = F.randomCharter(&random, clauses: 200)
        let new = F.randomEdit(old, &random, edits: 40)
        let diff = CharterDiff.between(old, new, fromLabel: "a", toLabel: "b")
        #expect(!diff.isEmpty)
        #expect(try diff.apply(to: old) == new)
    }
}
