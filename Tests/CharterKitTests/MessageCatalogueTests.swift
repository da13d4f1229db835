import Foundation
import Testing
@testable import CharterKit

/// The catalogue is complete: every key in both languages, the same placeholders in each,
/// plural forms in both or neither, French typography, no key defined twice.
@Suite struct MessageCatalogueTests {
    @Test func noKeyIsDefinedTwice() {
        var seen: [String: String] = [:]
        var twice: [String] = []
        for domain in MessageCatalogue.domains {
            for key in domain.entries.keys {
                if let first = seen[key] { twice.append("\(key) in \(first) and \(domain.name)") }
                seen[key] = domain.name
            }
        }
        #expect(twice.isEmpty, "keys defined twice: \(twice.sorted())")
        #expect(MessageCatalogue.entries.count == seen.count)
    }

    @Test func everyKeyHasBothLanguagesWithTheSamePlaceholders() {
        var problems: [String] = []
        for (key, entry) in MessageCatalogue.entries.sorted(by: { $0.key < $1.key }) {
            for form in entry.fr.forms + entry.en.forms where form.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("\(key): an empty wording (\(form.debugDescription))")
            }
            if (entry.fr.one == nil) != (entry.en.one == nil) {
                problems.append("\(key): a singular form in one language only")
            }
            let french = Set(entry.fr.forms.map(MessageCatalogue.placeholders).flatMap { $0 })
            let english = Set(entry.en.forms.map(MessageCatalogue.placeholders).flatMap { $0 })
            if french != english {
                problems.append("\(key): placeholders fr \(french.sorted()) ≠ en \(english.sorted())")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func frenchWordingsFollowFrenchTypography() {
        var problems: [String] = []
        for (key, entry) in MessageCatalogue.entries.sorted(by: { $0.key < $1.key }) {
            for form in entry.fr.forms {
                let scalars = Array(form.unicodeScalars)
                for (index, scalar) in scalars.enumerated() {
                    let before = index > 0 ? scalars[index - 1] : nil
                    let after = index + 1 < scalars.count ? scalars[index + 1] : nil
                    if [":", ";", "!", "?", "»"].contains(scalar), before == " " {
                        problems.append("\(key): a plain space before « \(scalar) » in \(form.debugDescription)")
                    }
                    if scalar == "«", after == " " {
                        problems.append("\(key): a plain space after « in \(form.debugDescription)")
                    }
                    if scalar == "'" { problems.append("\(key): a typewriter apostrophe in \(form.debugDescription)") }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func pluralsFollowEachLanguagesRule() {
        #expect(MessageCatalogue.text("common.clauses", count: 0, in: .fr) == "0 clause")
        #expect(MessageCatalogue.text("common.clauses", count: 1, in: .fr) == "1 clause")
        #expect(MessageCatalogue.text("common.clauses", count: 2, in: .fr) == "2 clauses")
        #expect(MessageCatalogue.text("common.clauses", count: 0, in: .en) == "0 clauses")
        #expect(MessageCatalogue.text("common.clauses", count: 1, in: .en) == "1 clause")
        #expect(MessageCatalogue.text("common.revisions", count: 3, in: .fr) == "3 révisions")
    }

    @Test func placeholdersAreFilledAndUnknownOnesKept() {
        #expect(MessageCatalogue.fill("« {a} » et {b}", with: ["a": "x"]) == "« x » et {b}")
        #expect(MessageCatalogue.placeholders("{a} {b}{c}") == ["a", "b", "c"])
        #expect(Message("no.such.key").text(in: .fr) == "no.such.key")
    }

    @Test func theLanguageFollowsTheChoiceThenTheLocale() {
        #expect(Language.resolve(environment: [:]) == .en)
        #expect(Language.resolve(environment: ["LANG": "fr_FR.UTF-8"]) == .fr)
        #expect(Language.resolve(environment: ["LANG": "C"]) == .en)
        #expect(Language.resolve(environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "C"]) == .en)
        #expect(Language.resolve(environment: ["LANG": "C", "LC_MESSAGES": "fr_BE.UTF-8"]) == .fr)
        #expect(Language.resolve(environment: ["LANG": "fr_FR.UTF-8", "CHARTER_LANG": "en"]) == .en)
        #expect(Language.resolve(explicit: "fr", environment: ["CHARTER_LANG": "en"]) == .fr)
        #expect(Language.resolve(explicit: "klingon", environment: ["LANG": "fr_FR"]) == .fr)
    }

    @Test func errorsSpeakTheReadersLanguage() {
        let error = CharterError(.badInput, file: "a.csv", line: 3, Message("common.clauses", count: 2), hint: Message("common.workshops", count: 1))
        #expect(error.description(in: .en) == "a.csv:3: 2 clauses\n  hint: 1 workshop")
        #expect(error.description(in: .fr) == "a.csv:3: 2 clauses\n  conseil\u{00A0}: 1 atelier")
        #expect(error.message == "2 clauses")
    }
}
