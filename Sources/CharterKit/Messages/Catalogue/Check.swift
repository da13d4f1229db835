/// The findings of `charter check`, said in the reader's language. The English wordings are the
/// findings' `message` (JSON, SARIF, GitHub and JUnit reports), so they stay exactly as they were.
extension MessageCatalogue {
    static let check: [String: CatalogueEntry] = {
        var entries: [String: CatalogueEntry] = [
            "check.apostrophe.typographic": .init(
                fr: "écrivez l’apostrophe typographique `’` (U+2019) au lieu de l’apostrophe droite (U+0027)",
                en: "write the typographic apostrophe `’` (U+2019) instead of the straight `'`"),
            "check.apostrophe.straight": .init(
                fr: "écrivez l’apostrophe droite (U+0027) au lieu de `’` (le manifeste demande `style: straight`)",
                en: "write the straight apostrophe `'` instead of `’` (the manifest asks for `style: straight`)"),
            "check.doubleSpace": .init(
                fr: .plural(one: "{count} espace à la suite\u{00A0}: n’en laissez qu’une", other: "{count} espaces à la suite\u{00A0}: n’en laissez qu’une"),
                en: .plural(one: "{count} space in a row: leave one", other: "{count} spaces in a row: leave one")),
            "check.ellipsis": .init(
                fr: "écrivez les points de suspension `…` (U+2026) au lieu de trois points",
                en: "write the ellipsis `…` (U+2026) instead of three dots"),
            "check.ellipsis.etc": .init(
                fr: "écrivez `etc.` avec un seul point\u{00A0}: etc. dit déjà que la liste continue",
                en: "write `etc.` with one period: etc. already says the list goes on"),
            "check.guillemets.unopened": .init(
                fr: "ce `»` ne ferme aucun `«`\u{00A0}: ajoutez le `«` ouvrant ou supprimez-le",
                en: "this `»` closes no `«`: add the opening `«` or remove it"),
            "check.guillemets.unclosed": .init(
                fr: "ce `«` n’est jamais fermé\u{00A0}: ajoutez le `»` fermant",
                en: "this `«` is never closed: add the closing `»`"),
            "check.spaceBeforePunctuation": .init(
                fr: "supprimez l’espace avant `{mark}`",
                en: "remove the space before `{mark}`"),
            "check.trailingWhitespace": .init(
                fr: "supprimez les blancs en fin de ligne",
                en: "remove the whitespace at the end of the line"),
            "check.references.invalid": .init(
                fr: "`{written}` n’est pas une référence à une clause\u{00A0}: écrivez `[[id-de-clause]]` avec l’id de la clause (minuscules, chiffres, tirets)",
                en: "`{written}` is not a clause reference: write `[[clause-id]]` with the clause's id (lower-case letters, digits, dashes)"),
            "check.references.unknown": .init(
                fr: "`{written}` ne désigne aucune clause de cette charte\u{00A0}: corrigez l’id ou supprimez la référence",
                en: "`{written}` names no clause of this charter: correct the id or remove the reference"),
            "check.references.unknown.suggestion": .init(
                fr: "`{written}` ne désigne aucune clause de cette charte (vouliez-vous dire `{suggestion}`\u{00A0}?)\u{00A0}: corrigez l’id ou supprimez la référence",
                en: "`{written}` names no clause of this charter (did you mean `{suggestion}`?): correct the id or remove the reference"),
            "check.references.removed": .init(
                fr: "la clause `{id}` a été supprimée depuis {base} mais elle est encore citée ici\u{00A0}: supprimez ou remplacez la référence",
                en: "clause `{id}` was removed since {base} but is still referenced here: remove or replace the reference"),
            "check.brackets.unclosed": .init(
                fr: "ce `{mark}` n’est jamais fermé dans son paragraphe\u{00A0}: ajoutez le `{closer}`",
                en: "this `{mark}` is never closed in its paragraph: add the `{closer}`"),
            "check.brackets.mismatched": .init(
                fr: "ce `{mark}` ferme le `{open}` de la ligne {line}, colonne {column}\u{00A0}: fermez d’abord celui-là",
                en: "this `{mark}` closes the `{open}` of line {line}, column {column}: close that one first"),
            "check.brackets.unopened": .init(
                fr: "ce `{mark}` ne ferme rien\u{00A0}: supprimez-le ou ajoutez le `{opener}`",
                en: "this `{mark}` closes nothing: remove it or add the `{opener}`"),
            "check.length": .init(
                fr: "la clause `{id}` compte {count} mots, plus de {maximum} (l’excédent commence ici)\u{00A0}: raccourcissez-la ou partagez-la en deux clauses",
                en: "the clause `{id}` has {count} words, more than {maximum} (the excess starts here): shorten it or split it into two clauses"),
            "check.terms": .init(
                fr: "écrivez `{replacement}` au lieu de `{found}`",
                en: "write `{replacement}` instead of `{found}`"),
            "check.emptyBody": .init(
                fr: "la clause `{id}` n’a pas de texte\u{00A0}: écrivez son corps après l’en-tête, ou supprimez la clause",
                en: "the clause `{id}` has no text: write its body after the front matter, or remove the clause"),
            "check.missingClause": .init(
                fr: "la clause `{id}` est listée mais {path} n’existe pas\u{00A0}: créez le fichier ou retirez `{id}` du manifeste",
                en: "clause `{id}` is listed but {path} does not exist: create the file or remove `{id}` from the manifest"),
            "check.unlistedClause": .init(
                fr: "la clause `{id}` n’est pas listée dans {manifest}\u{00A0}: ajoutez `{id}` à la liste `clauses:` d’une section, ou supprimez le fichier",
                en: "clause `{id}` is not listed in {manifest}: add `{id}` to a section's `clauses:` list, or delete the file"),
        ]
        // typography/nbsp: what to do, on which side of the mark, with which space.
        let spaces: [(kind: String, fr: String, en: String)] = [
            ("nbsp", "une espace insécable (U+00A0)", "a no-break space (U+00A0)"),
            ("narrow", "une espace fine insécable (U+202F)", "a narrow no-break space (U+202F)"),
        ]
        let sides: [(side: String, fr: String, en: String)] = [("before", "avant", "before"), ("after", "après", "after")]
        for space in spaces {
            for side in sides {
                let place = "\(space.kind).\(side.side)"
                entries["check.nbsp.insert.\(place)"] = .init(
                    fr: Wording(stringLiteral: "insérez \(space.fr) \(side.fr) `{mark}`"),
                    en: Wording(stringLiteral: "insert \(space.en) \(side.en) `{mark}`"))
                entries["check.nbsp.use.\(place)"] = .init(
                    fr: Wording(stringLiteral: "utilisez \(space.fr) \(side.fr) `{mark}`, pas {found}"),
                    en: Wording(stringLiteral: "use \(space.en) \(side.en) `{mark}`, not {found}"))
                entries["check.nbsp.replace.\(place)"] = .init(
                    fr: Wording(stringLiteral: "remplacez l’espace \(side.fr) `{mark}` par \(space.fr)"),
                    en: Wording(stringLiteral: "replace the space \(side.en) `{mark}` with \(space.en)"))
            }
        }
        return entries
    }()
}
