/// Words every part uses: counts of the domain's things, generic errors.
extension MessageCatalogue {
    static let common: [String: CatalogueEntry] = [
        "common.clauses": .init(fr: .plural(one: "{count} clause", other: "{count} clauses"),
                                en: .plural(one: "{count} clause", other: "{count} clauses")),
        "common.revisions": .init(fr: .plural(one: "{count} révision", other: "{count} révisions"),
                                  en: .plural(one: "{count} revision", other: "{count} revisions")),
        "common.records": .init(fr: .plural(one: "{count} enregistrement", other: "{count} enregistrements"),
                                en: .plural(one: "{count} record", other: "{count} records")),
        "common.territories": .init(fr: .plural(one: "{count} territoire", other: "{count} territoires"),
                                    en: .plural(one: "{count} territory", other: "{count} territories")),
        "common.workshops": .init(fr: .plural(one: "{count} atelier", other: "{count} ateliers"),
                                  en: .plural(one: "{count} workshop", other: "{count} workshops")),
        "common.amendments": .init(fr: .plural(one: "{count} amendement", other: "{count} amendements"),
                                   en: .plural(one: "{count} amendment", other: "{count} amendments")),
        "common.comments": .init(fr: .plural(one: "{count} commentaire", other: "{count} commentaires"),
                                 en: .plural(one: "{count} comment", other: "{count} comments")),
        "common.error.prefix": .init(fr: "erreur", en: "error"),
        "common.hint.prefix": .init(fr: "conseil", en: "hint"),
    ]
}
