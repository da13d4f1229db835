import CharterKit

extension ClauseID {
    /// A clause id known to be valid, for tests.
    static func diffID(_ text: String) -> ClauseID { ClauseID(text)! }
}

/// Small charters to diff by hand.
enum DiffFixtures {
    static func clause(_ id: String, _ title: String, _ body: String, fields: [String: String] = [:]) -> Clause {
        Clause(id: .diffID(id), title: title, body: body, fields: fields)
    }

    /// A charter from sections given as (title, clauses).
    static func charter(title: String = "Charte du faire alliance", _ sections: [(String, [Clause])]) -> Charter {
        var clauses: [ClauseID: Clause] = [:]
        for (_, list) in sections { for clause in list { clauses[clause.id] = clause } }
        let manifest = Manifest(title: title, sections: sections.map { Section(title: $0.0, clauses: $0.1.map(\.id)) })
        return Charter(manifest: manifest, clauses: clauses)
    }

    /// A random charter: 3–6 sections, `clauses` clauses (5–40 when nil).
    static func randomCharter(_ random: inout SplitMix64, clauses count: Int? = nil) -> Charter {
        let sectionCount = 3 + random.next(upTo: 4)
        let clauseCount = count ?? (5 + random.next(upTo: 36))
        var sections = (0..<sectionCount).map { Section(title: "Partie \($0 + 1) – " + random.frenchText(words: 2), clauses: []) }
        var clauses: [ClauseID: Clause] = [:]
        for index in 0..<clauseCount {
            let clause = randomClause(&random, id: "c\(index)")
            clauses[clause.id] = clause
            sections[random.next(upTo: sectionCount)].clauses.append(clause.id)
        }
        let territories = [Territory(id: "lyon", name: "Métropole de Lyon"), Territory(id: "nord", name: "Nord")]
        return Charter(manifest: Manifest(title: "Charte du faire alliance", sections: sections, territories: territories), clauses: clauses)
    }

    static func randomClause(_ random: inout SplitMix64, id: String) -> Clause {
        var fields: [String: String] = [:]
        if random.chance(20) { fields["statut"] = random.pick(["brouillon", "débattu", "adopté"]) }
        return Clause(id: .diffID(id), title: random.frenchText(words: 1 + random.next(upTo: 4)),
                      body: random.frenchText(words: random.next(upTo: 60)), fields: fields)
    }

    /// `charter` after a handful of random edits of every kind.
    static func randomEdit(_ charter: Charter, _ random: inout SplitMix64, edits: Int? = nil) -> Charter {
        var result = charter
        var nextID = 1000
        for _ in 0..<(edits ?? (1 + random.next(upTo: 6))) {
            let ids = result.manifest.clauseOrder
            switch random.next(upTo: 10) {
            case 0...2 where !ids.isEmpty:  // edit a body
                let id = random.pick(ids)
                result.clauses[id]!.body = random.edited(result.clauses[id]!.body)
            case 3 where !ids.isEmpty:  // retitle
                let id = random.pick(ids)
                result.clauses[id]!.title = random.frenchText(words: 1 + random.next(upTo: 4))
            case 4:  // add a clause
                let clause = randomClause(&random, id: "n\(nextID)")
                nextID += 1
                result.clauses[clause.id] = clause
                let section = random.next(upTo: result.manifest.sections.count)
                let place = random.next(upTo: result.manifest.sections[section].clauses.count + 1)
                result.manifest.sections[section].clauses.insert(clause.id, at: place)
            case 5 where !ids.isEmpty:  // remove a clause
                let id = random.pick(ids)
                result.clauses[id] = nil
                for index in result.manifest.sections.indices {
                    result.manifest.sections[index].clauses.removeAll { $0 == id }
                }
            case 6 where !ids.isEmpty:  // move a clause, maybe across sections
                let id = random.pick(ids)
                for index in result.manifest.sections.indices {
                    result.manifest.sections[index].clauses.removeAll { $0 == id }
                }
                let section = random.next(upTo: result.manifest.sections.count)
                let place = random.next(upTo: result.manifest.sections[section].clauses.count + 1)
                result.manifest.sections[section].clauses.insert(id, at: place)
            case 7:  // retitle a section
                let section = random.next(upTo: result.manifest.sections.count)
                result.manifest.sections[section].title = "Partie – " + random.frenchText(words: 2)
            case 8 where !ids.isEmpty:  // change a front-matter field
                let id = random.pick(ids)
                if random.chance(50) {
                    result.clauses[id]!.fields["statut"] = random.pick(["brouillon", "débattu", "adopté", "retiré"])
                } else {
                    result.clauses[id]!.fields["statut"] = nil
                }
            default:  // manifest: title, language, territories or rule
                switch random.next(upTo: 4) {
                case 0: result.manifest.title = "Charte – " + random.frenchText(words: 2)
                case 1: result.manifest.language = random.pick(["fr", "en", "fr-CA"])
                case 2: result.manifest.territories.append(Territory(id: "t\(random.next(upTo: 100))", name: random.frenchText(words: 2)))
                default: result.manifest.consensus = ConsensusRule(kind: random.pick(ConsensusRule.Kind.allCases), quorum: random.next(upTo: 5))
                }
            }
        }
        return result
    }
}

extension DiffFixtures {
    /// A tiny deterministic random generator (SplitMix64), so property tests are
    /// reproducible from their seed and never read a clock.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// A number in 0..<bound (bound > 0).
        mutating func next(upTo bound: Int) -> Int {
            Int(next() % UInt64(bound))
        }

        mutating func chance(_ percent: Int) -> Bool { next(upTo: 100) < percent }

        mutating func pick<T>(_ items: [T]) -> T { items[next(upTo: items.count)] }

        static let words = [
            "la", "charte", "du", "faire", "alliance", "territoire", "territoires", "élu", "élue", "acteurs",
            "co-construction", "atelier", "réciprocité", "confiance", "juste", "place", "chacun", "ensemble",
            "engagement", "écoute", "où", "déjà", "être", "Œuvre", "ça", "2024", "7", "pionniers", "l’État",
            "aujourd’hui", "bien", "commun", "à", "et", "les", "des", "une", "fragilités", "Le", "RAMEAU",
        ]

        static let separators = [
            " ", " ", " ", " ", " ", ", ", ". ", "\u{A0}: ", " ; ", "\u{A0}! ", " ?\u{A0}", "\n", "\n\n", " « ", " » ",
            "\u{A0}«\u{A0}", "\u{A0}»\u{A0}", " – ", "’",
        ]

        /// French-ish text: words, punctuation, non-breaking spaces, newlines.
        mutating func frenchText(words count: Int) -> String {
            var text = ""
            for index in 0..<count {
                if index > 0 { text += pick(Self.separators) }
                text += pick(Self.words)
            }
            if count > 0, chance(60) { text += pick([".", ".\n", "\u{A0}!", "…"]) }
            return text
        }

        /// `text` with a few words replaced, inserted or deleted.
        mutating func edited(_ text: String) -> String {
            var pieces = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<(1 + next(upTo: 4)) {
                switch next(upTo: 4) {
                case 0 where !pieces.isEmpty: pieces[next(upTo: pieces.count)] = pick(Self.words)
                case 1: pieces.insert(frenchText(words: 1 + next(upTo: 3)), at: next(upTo: pieces.count + 1))
                case 2 where !pieces.isEmpty: pieces.remove(at: next(upTo: pieces.count))
                default: pieces.append(String(pick(Self.separators).trimmingPrefix(" ")) + pick(Self.words))
                }
            }
            return pieces.joined(separator: " ")
        }
    }
}
