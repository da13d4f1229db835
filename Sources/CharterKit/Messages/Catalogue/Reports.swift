/// The words of the published charter (`charter export`: HTML, PDF, Markdown, docx, odt) and
/// of its figures.
extension MessageCatalogue {
    static let reports: [String: CatalogueEntry] = [
        // The front page.
        "report.published": .init(fr: "Texte publié le {date}", en: "Text published on {date}"),
        "report.version": .init(fr: "Version {version}", en: "Version {version}"),
        "report.version.published": .init(fr: "Version {version}, publiée le {date}", en: "Version {version}, published on {date}"),
        "report.workingText": .init(fr: "Texte de travail du {date}", en: "Working text of {date}"),
        "report.rule": .init(fr: "Règle de décision\u{00A0}: {rule}", en: "Decision rule: {rule}"),
        "report.rule.label": .init(fr: "Règle de décision", en: "Decision rule"),
        "report.contents": .init(fr: "Sommaire", en: "Contents"),
        "report.page": .init(fr: "page {page} sur {pages}", en: "page {page} of {pages}"),
        "report.clauses": .init(fr: .plural(one: "{count} article", other: "{count} articles"),
                                en: .plural(one: "{count} clause", other: "{count} clauses")),
        "report.clauses.word": .init(fr: "articles", en: "clauses"),
        "report.reference": .init(fr: "article {number} — {title}", en: "clause {number} — {title}"),
        "report.revision": .init(fr: "révision", en: "revision"),

        // How to read the statuses.
        "report.legend.title": .init(fr: "Lire les états des articles", en: "How to read the clauses’ statuses"),
        "report.legend.intro": .init(
            fr: "Chaque article porte l’état que lui donnent les positions des territoires, selon la règle de décision\u{00A0}:",
            en: "Each clause carries the status the territories’ positions give it, under the decision rule:"),
        "report.legend.consensus": .init(
            fr: "les territoires qui se sont exprimés adhèrent au texte, sans réserve ni objection.",
            en: "the territories that took part support the text, with no reservation and no objection."),
        "report.legend.consensus-with-reservations": .init(
            fr: "aucun territoire ne s’y oppose, mais certains ont exprimé des réserves, publiées en note.",
            en: "no territory opposes it, but some expressed reservations, published as notes."),
        "report.legend.objection": .init(
            fr: "au moins un territoire s’oppose au texte\u{00A0}; l’objection est publiée en note et doit être levée.",
            en: "at least one territory opposes the text; the objection is published as a note and must be settled."),
        "report.legend.open": .init(
            fr: "le texte est encore en débat\u{00A0}: pas assez de territoires se sont exprimés pour conclure.",
            en: "the text is still being debated: too few territories have taken part to conclude."),
        "report.legend.stale": .init(
            fr: "le texte a changé depuis que les territoires se sont exprimés\u{00A0}: leurs positions sont à reprendre.",
            en: "the text changed after the territories took part: their positions must be taken again."),

        // Per clause.
        "report.participation.label": .init(fr: "Participation", en: "Participation"),
        "report.participation.territories": .init(
            fr: .plural(one: "{count} territoire sur {total} s’est exprimé", other: "{count} territoires sur {total} se sont exprimés"),
            en: .plural(one: "{count} territory of {total} took part", other: "{count} territories of {total} took part")),
        "report.participation.supports": .init(fr: .plural(one: "{count} adhésion", other: "{count} adhésions"),
                                               en: .plural(one: "{count} support", other: "{count} supports")),
        "report.participation.reservations": .init(fr: .plural(one: "{count} réserve", other: "{count} réserves"),
                                                   en: .plural(one: "{count} reservation", other: "{count} reservations")),
        "report.participation.objections": .init(fr: .plural(one: "{count} objection", other: "{count} objections"),
                                                 en: .plural(one: "{count} objection", other: "{count} objections")),
        "report.status.label": .init(fr: "État", en: "Status"),

        // Notes.
        "report.notes": .init(fr: "Réserves et objections", en: "Reservations and objections"),
        "report.note": .init(fr: "{territory}, {position} ({workshop})\u{00A0}: {text}", en: "{territory}, {position} ({workshop}): {text}"),
        "report.note.noText": .init(fr: "{territory}, {position} ({workshop}).", en: "{territory}, {position} ({workshop})."),

        // What changed.
        "report.changes.title": .init(fr: "Ce qui a changé depuis la version {version}", en: "What changed since version {version}"),
        "report.changes.intro": .init(
            fr: .plural(one: "{count} article a changé depuis la version {version} du {date}. Le texte supprimé est barré, le texte ajouté souligné.",
                        other: "{count} articles ont changé depuis la version {version} du {date}. Le texte supprimé est barré, le texte ajouté souligné."),
            en: .plural(one: "{count} clause changed since version {version} of {date}. Deleted text is struck through, added text underlined.",
                        other: "{count} clauses changed since version {version} of {date}. Deleted text is struck through, added text underlined.")),
        "report.changes.none": .init(fr: "Aucun article n’a changé depuis la version {version} du {date}.",
                                     en: "No clause changed since version {version} of {date}."),
        "report.changes.added": .init(fr: "article ajouté", en: "clause added"),
        "report.changes.removed": .init(fr: "article supprimé", en: "clause removed"),
        "report.changes.modified": .init(fr: "texte modifié", en: "text changed"),
        "report.changes.retitled": .init(fr: "titre modifié (auparavant «\u{00A0}{title}\u{00A0}»)", en: "retitled (formerly “{title}”)"),
        "report.changes.moved": .init(fr: "article déplacé", en: "clause moved"),
        "report.changes.renumbered": .init(fr: "renuméroté (auparavant {number})", en: "renumbered (formerly {number})"),

        // The amendments.
        "report.amendments.title": .init(fr: "Annexe — amendements adoptés", en: "Appendix — adopted amendments"),
        "report.amendments.none": .init(fr: "Aucun amendement adopté.", en: "No amendment adopted."),
        "report.amendment.replace": .init(fr: "Nouvelle rédaction de l’{clause}", en: "New wording of {clause}"),
        "report.amendment.insert": .init(fr: "Insertion de l’{clause}", en: "Insertion of {clause}"),
        "report.amendment.delete": .init(fr: "Suppression de l’{clause}", en: "Deletion of {clause}"),
        "report.amendment.move": .init(fr: "Déplacement de l’{clause}", en: "Move of {clause}"),
        "report.amendment.adopted": .init(fr: "Adopté le {date}", en: "Adopted on {date}"),
        "report.amendment.proposedBy": .init(fr: "proposé par {territory}", en: "proposed by {territory}"),
        "report.amendment.debated": .init(fr: "débattu en atelier\u{00A0}: {workshops}", en: "debated at: {workshops}"),
        "report.amendment.forced": .init(fr: "adopté sans consensus", en: "adopted without consensus"),
        "report.amendment.rationale": .init(fr: "Motif\u{00A0}: {text}", en: "Rationale: {text}"),
        "report.amendment.change": .init(fr: "Modification du texte\u{00A0}:", en: "Change to the text:"),
        "report.and": .init(fr: " et ", en: " and "),

        // Participation summary.
        "report.participationTable.title": .init(fr: "Participation des territoires aux ateliers",
                                                 en: "The territories’ participation in the workshops"),
        "report.participationTable.caption": .init(
            fr: "Nombre de positions exprimées par chaque territoire à chaque atelier\u{00A0}; «\u{00A0}—\u{00A0}»\u{00A0}: territoire non invité.",
            en: "Positions each territory expressed at each workshop; “—”: territory not invited."),
        "report.participationTable.territory": .init(fr: "Territoire", en: "Territory"),
        "report.participationTable.total": .init(fr: "Total", en: "Total"),

        // Figures.
        "report.figures": .init(fr: "Figures", en: "Figures"),
        "report.heatmap.title": .init(fr: "Positions des territoires, article par article", en: "Territories’ positions, clause by clause"),
        "report.evolution.title": .init(fr: "Évolution du consensus d’un atelier à l’autre", en: "How consensus evolved from workshop to workshop"),
        "report.noWorkshop": .init(fr: "Aucun atelier.", en: "No workshop."),
        "report.noPosition": .init(fr: "pas de position", en: "no position"),
        "report.staleMark": .init(fr: "position prise sur un texte antérieur", en: "position taken on an earlier text"),
        "report.summary": .init(fr: "Synthèse", en: "Summary"),
        "report.workshop": .init(fr: "atelier", en: "workshop"),
        "report.territories": .init(fr: "Territoires", en: "Territories"),

        // « Origine du texte »: the sentences of a clause that came through an adopted amendment.
        "report.origin": .init(fr: .plural(one: "Origine du texte\u{00A0}: phrase {sentences}, {provenance}", other: "Origine du texte\u{00A0}: phrases {sentences}, {provenance}"),
                               en: .plural(one: "Origin of the text: sentence {sentences}, {provenance}", other: "Origin of the text: sentences {sentences}, {provenance}")),
        "report.origin.amendment": .init(fr: "issu d’un amendement de {territory}", en: "from an amendment by {territory}"),

        // Technical annex (off by default).
        "report.technical.title": .init(fr: "Annexe technique", en: "Technical annex"),
        "report.technical.revision": .init(fr: "Révision publiée\u{00A0}: {revision}", en: "Revision published: {revision}"),
        "report.technical.amendment": .init(fr: "Amendement {id}\u{00A0}: révision {revision}", en: "Amendment {id}: revision {revision}"),

        // The export command.
        "report.export.done": .init(
            fr: "Charte exportée ({clauses}, {notes}, {amendments})\u{00A0}:",
            en: "Exported the charter ({clauses}, {notes}, {amendments}):"),
        "report.export.notes": .init(fr: .plural(one: "{count} note", other: "{count} notes"),
                                     en: .plural(one: "{count} note", other: "{count} notes")),
        "report.export.noChromium": .init(fr: "l’export PDF demande Chromium sans interface, et aucun n’est installé",
                                          en: "PDF export needs headless Chromium, and none is installed"),
        "report.export.noChromium.hint": .init(
            fr: "installez-le (Debian\u{00A0}: apt-get install chromium) ou indiquez un binaire Chromium ou Chrome dans CHARTER_CHROMIUM\u{00A0}; --format html écrit le même document, que tout navigateur sait imprimer",
            en: "install it (Debian: apt-get install chromium) or set CHARTER_CHROMIUM to a Chromium or Chrome binary; --format html writes the same document, for any browser to print"),
        "report.export.noPandoc": .init(fr: "l’export {format} demande pandoc, et il n’est pas installé",
                                        en: "{format} export needs pandoc, and it is not installed"),
        "report.export.noPandoc.hint": .init(
            fr: "installez-le (Debian\u{00A0}: apt-get install pandoc) ou indiquez son chemin dans CHARTER_PANDOC",
            en: "install it (Debian: apt-get install pandoc) or set CHARTER_PANDOC to its path"),
        "report.export.cannotWrite": .init(fr: "impossible d’écrire le fichier\u{00A0}: {reason}", en: "cannot write the file: {reason}"),
        "report.export.cannotWrite.hint": .init(fr: "vérifiez que --out désigne un dossier où vous pouvez écrire",
                                                en: "check that --out names a folder you may write in"),
        "report.export.toolFailed": .init(fr: "{tool} n’a pas produit {file}\u{00A0}: {reason}", en: "{tool} did not produce {file}: {reason}"),
        "report.export.toolFailed.hint": .init(fr: "essayez --format html, ou vérifiez l’installation de {tool}",
                                               en: "try --format html, or check the installation of {tool}"),
        "report.export.timeout": .init(fr: "{tool} n’a pas terminé en {seconds} s", en: "{tool} did not finish within {seconds} s"),
    ]
}
