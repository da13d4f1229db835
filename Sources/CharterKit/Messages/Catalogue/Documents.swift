/// What `import` and `check` say about real documents: encodings, front matter, office files,
/// histories.
extension MessageCatalogue {
    static let documents: [String: CatalogueEntry] = [
        "import.error.encoding.hint": .init(
            fr: "enregistrez {file} en UTF-8 (les éditeurs proposent «\u{00A0}UTF-8\u{00A0}» dans «\u{00A0}Enregistrer sous\u{00A0}»), ou convertissez-le\u{00A0}: iconv -f latin1 -t utf-8",
            en: "save {file} as UTF-8 (editors offer « UTF-8 » in “Save as”), or convert it: iconv -f latin1 -t utf-8"),
        "import.error.utf16": .init(
            fr: "le fichier commence comme de l’UTF-16 mais ne l’est pas",
            en: "the file starts like UTF-16 but is not valid UTF-16"),
        "import.error.utf16.hint": .init(
            fr: "enregistrez-le en UTF-8",
            en: "save it as UTF-8"),
        "import.error.frontMatter": .init(
            fr: "l’en-tête YAML (front matter) du document est illisible\u{00A0}: {error}",
            en: "the document’s YAML front matter cannot be read: {error}"),
        "import.error.frontMatter.hint": .init(
            fr: "corrigez l’en-tête entre les lignes `---` (le site qui publie le document le lit aussi)",
            en: "fix the front matter between the `---` lines (the website that publishes the document reads it too)"),
        "import.error.tomlTitle": .init(
            fr: "le `title` de l’en-tête TOML n’est pas une chaîne",
            en: "the TOML front matter’s `title` is not a string"),
        "import.error.tomlTitle.hint": .init(
            fr: "écrivez title = \"Le titre\"",
            en: "write title = \"The title\""),
        "import.error.office.kind": .init(
            fr: "seuls les fichiers .docx et .odt sont lus par pandoc",
            en: "only .docx and .odt files are read through pandoc"),
        "import.error.unreadable": .init(
            fr: "impossible de lire le document",
            en: "cannot read the document"),
        "import.error.unreadable.hint": .init(
            fr: "vérifiez le chemin",
            en: "check the path"),
        "import.error.pandoc.missing": .init(
            fr: "pandoc est nécessaire pour lire les fichiers .docx et .odt, et il n’est pas installé",
            en: "pandoc is needed to read .docx and .odt files, and it is not installed"),
        "import.error.pandoc.missing.hint": .init(
            fr: "installez le paquet Debian `pandoc` (sudo apt-get install pandoc, ou make deps), ou enregistrez le document en Markdown",
            en: "install Debian’s `pandoc` package (sudo apt-get install pandoc, or make deps), or save the document as Markdown"),
        "import.error.pandoc.failed": .init(
            fr: "pandoc n’a pas pu lire le document\u{00A0}: {error}",
            en: "pandoc could not read the document: {error}"),
        "import.error.pandoc.failed.hint": .init(
            fr: "ouvrez-le et enregistrez-le de nouveau, ou enregistrez-le en Markdown",
            en: "open it and save it again, or save it as Markdown"),
        "import.error.history.empty": .init(
            fr: "le dépôt n’a aucun commit, donc {path} n’a pas d’historique",
            en: "the repository has no commits, so {path} has no history"),
        "import.error.history.empty.hint": .init(
            fr: "importez sans --history",
            en: "import without --history"),
        "import.error.history.notCommitted": .init(
            fr: "`{path}` n’est pas dans le dernier commit, donc son historique ne peut être suivi",
            en: "`{path}` is not in the latest commit, so its history cannot be followed"),
        "import.error.history.notCommitted.hint": .init(
            fr: "committez le document d’abord, ou donnez son chemin actuel (avec --source, relatif à ce dépôt)",
            en: "commit the document first, or give its current path (with --source, relative to that repository)"),
        "import.error.history.noText": .init(
            fr: "aucune révision de `{path}` ne contient de texte",
            en: "no revision of `{path}` holds any text"),
        "import.error.history.noText.hint": .init(
            fr: "committez le texte du document d’abord",
            en: "commit the document’s text first"),
        "import.error.history.outside": .init(
            fr: "le document n’est pas dans le dépôt {root}",
            en: "the document is not inside the repository at {root}"),
        "import.error.history.outside.hint": .init(
            fr: "lancez la commande depuis le dépôt du document, ou donnez ce dépôt avec --source",
            en: "run the command from the document’s repository, or name that repository with --source"),
        "import.error.source": .init(
            fr: "pas de dépôt git à {source} ({error})",
            en: "no git repository at {source} ({error})"),
        "import.error.source.hint": .init(
            fr: "--source prend le chemin d’un clone du dépôt qui publie le document",
            en: "--source takes the path of a clone of the repository that publishes the document"),
    ]
}
