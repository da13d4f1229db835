/// The skeleton `charter init` starts from.
public enum CharterTemplate {
    public static func skeleton(title: String, language: String) -> Charter {
        let id = ClauseID(language == "fr" ? "preambule" : "preamble")!
        let clause = language == "fr"
            ? Clause(id: id, title: "Préambule", body: "Écrivez ici le préambule de la charte.\n")
            : Clause(id: id, title: "Preamble", body: "Write the charter's preamble here.\n")
        let manifest = Manifest(title: title, language: language,
                                sections: [Section(title: clause.title, clauses: [id])],
                                territories: [], consensus: ConsensusRule(kind: .consent))
        return Charter(manifest: manifest, clauses: [id: clause])
    }
}
