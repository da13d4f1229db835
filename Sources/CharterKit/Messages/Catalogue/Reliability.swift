/// What charter says about its own reliability: interrupted adoptions, locks, quarantined
/// records, git failures, and `charter doctor`.
extension MessageCatalogue {
    static let reliability: [String: CatalogueEntry] = [
        // Locks
        "reliability.lock.open": .init(
            fr: "impossible d’ouvrir le verrou de charter\u{00A0}: {reason}",
            en: "cannot open charter’s lock file: {reason}"),
        "reliability.lock.open.hint": .init(
            fr: "vérifiez les droits d’écriture sur le dossier .git/charter",
            en: "check that the .git/charter folder is writable"),
        "reliability.lock.removed": .init(
            fr: "verrou {path} laissé par le processus charter {pid}, interrompu, retiré",
            en: "removed {path}, left by charter process {pid} when it was interrupted"),
        "reliability.lock.stale-removed": .init(
            fr: "verrou périmé {path} retiré (aucun processus charter ne le tenait)",
            en: "removed the stale lock {path} (no charter process held it)"),
        "reliability.index-locked": .init(
            fr: "un autre processus git utilise l’index (.git/index.lock existe)\u{00A0}; rien n’a été modifié",
            en: "another git process is using the index (.git/index.lock exists); nothing was changed"),
        "reliability.index-locked.hint": .init(
            fr: "attendez la fin de cette commande git puis recommencez\u{00A0}; si aucune ne tourne, supprimez .git/index.lock (ou lancez `charter doctor --fix`)",
            en: "wait for that git command to finish and run this again; if none is running, remove .git/index.lock (or run `charter doctor --fix`)"),
        // Web requests
        "reliability.web.invalid-utf8": .init(
            fr: "Le champ «\u{00A0}{field}\u{00A0}» n’est pas du texte UTF-8 valide\u{00A0}; rien n’a été enregistré.",
            en: "The field “{field}” is not valid UTF-8 text; nothing was recorded."),
        // Git and file failures
        "reliability.failed.checkout": .init(
            fr: "impossible de mettre l’index et l’arbre de travail au nouveau texte pour {paths}\u{00A0}; rien n’a été modifié (git\u{00A0}: {cause})",
            en: "could not bring the index and working tree to the new text for {paths}; nothing was changed (git: {cause})"),
        "reliability.failed.move-branch": .init(
            fr: "impossible d’avancer la branche {branch}\u{00A0}; l’index et l’arbre de travail ont été remis en place (git\u{00A0}: {cause})",
            en: "could not move the branch {branch}; the index and working tree were put back (git: {cause})"),
        "reliability.failed.intent": .init(
            fr: "impossible d’écrire l’intention d’adoption avant de commencer\u{00A0}; rien n’a été modifié ({cause})",
            en: "could not write the adoption’s intent before starting; nothing was changed ({cause})"),
        "reliability.failed.unexpected": .init(
            fr: "charter n\u{2019}a pas pu terminer la commande ({cause})",
            en: "charter could not finish the command ({cause})"),
        "reliability.hint.locked": .init(
            fr: "une autre commande git ou charter tient un verrou\u{00A0}: attendez qu’elle finisse\u{00A0}; si aucune ne tourne, `charter doctor --fix` retire les verrous périmés",
            en: "another git or charter command holds a lock: wait for it to finish; if none is running, `charter doctor --fix` removes stale locks"),
        "reliability.hint.disk-full": .init(
            fr: "le disque est plein\u{00A0}: libérez de la place puis recommencez",
            en: "the disk is full: free some space and run the command again"),
        "reliability.hint.read-only": .init(
            fr: "le dépôt n’est pas accessible en écriture\u{00A0}: vérifiez les droits et que le disque n’est pas monté en lecture seule",
            en: "the repository cannot be written: check its permissions and that the disk is not mounted read-only"),
        "reliability.hint.git-other": .init(
            fr: "vérifiez le dépôt avec `git fsck` et `charter doctor`, puis recommencez",
            en: "check the repository with `git fsck` and `charter doctor`, then run the command again"),
        // Adoption as one unit
        "reliability.adoption.busy": .init(
            fr: "une autre adoption est en cours dans ce dépôt\u{00A0}; rien n’a été modifié",
            en: "another adoption is in progress in this repository; nothing was changed"),
        "reliability.adoption.busy.hint": .init(
            fr: "attendez qu’elle finisse puis recommencez",
            en: "wait for it to finish and run the command again"),
        "reliability.adoption.undone": .init(
            fr: "l’adoption de l’amendement {amendment} n’a pas pu être enregistrée\u{00A0}; le texte a été remis en place, rien n’a été modifié ({cause})",
            en: "the adoption of amendment {amendment} could not be recorded; the text was put back and nothing was changed ({cause})"),
        "reliability.adoption.undone.hint": .init(
            fr: "corrigez la cause puis relancez `charter amend adopt`",
            en: "fix the cause, then run `charter amend adopt` again"),
        "reliability.adoption.half": .init(
            fr: "l’adoption {commit} n’a pu être ni enregistrée ni défaite ({cause})",
            en: "the adoption {commit} could neither be recorded nor undone ({cause})"),
        "reliability.adoption.half.hint": .init(
            fr: "la prochaine commande charter la terminera (ou lancez `charter doctor --fix`)",
            en: "the next charter command completes it (or run `charter doctor --fix`)"),
        "reliability.recovered.completed": .init(
            fr: "adoption interrompue de l’amendement {amendment} terminée\u{00A0}: {commit} est sur la branche, son enregistrement, l’index et l’arbre de travail suivent",
            en: "completed the interrupted adoption of amendment {amendment}: {commit} is on the branch, and its record, the index and the working tree now agree"),
        "reliability.recovered.undone": .init(
            fr: "adoption interrompue de l’amendement {amendment} défaite\u{00A0}: la branche n’avait pas bougé, l’index et l’arbre de travail ont été remis au texte d’avant",
            en: "undid the interrupted adoption of amendment {amendment}: the branch had not moved, and the index and working tree were put back to the text before it"),
        "reliability.recovered.abandoned": .init(
            fr: "adoption interrompue de l’amendement {amendment} abandonnée\u{00A0}: la branche a été déplacée ailleurs depuis, {commit} n’y est jamais arrivé",
            en: "dropped the interrupted adoption of amendment {amendment}: the branch was moved elsewhere since, and {commit} never reached it"),
        "reliability.recovery.edited": .init(
            fr: "une adoption interrompue touche ce fichier, qui a été modifié depuis\u{00A0}; il n’a pas été touché",
            en: "an interrupted adoption touches this file, which was edited since; it was left as it is"),
        "reliability.recovery.edited.hint": .init(
            fr: "gardez vos modifications ailleurs (`git stash`), puis lancez `charter doctor --fix`",
            en: "put your edits aside (`git stash`), then run `charter doctor --fix`"),
        "reliability.intent.unreadable": .init(
            fr: "l’intention d’adoption est illisible\u{00A0}: {reason}",
            en: "the adoption intent cannot be read: {reason}"),
        "reliability.intent.unreadable.hint": .init(
            fr: "comparez la branche du texte et `charter amend list`, puis supprimez ce fichier à la main",
            en: "compare the text branch with `charter amend list`, then remove this file by hand"),
        // Records as untrusted input
        "reliability.quarantine.unreadable": .init(
            fr: "{path}\u{00A0}: enregistrement illisible, mis en quarantaine ({detail})",
            en: "{path}: unreadable record, quarantined ({detail})"),
        "reliability.quarantine.clock-out-of-range": .init(
            fr: "{path}\u{00A0}: horloge hors limites, enregistrement mis en quarantaine ({detail})",
            en: "{path}: clock out of range, record quarantined ({detail})"),
        "reliability.quarantine.duplicate-id": .init(
            fr: "{path}\u{00A0}: identifiant en double, enregistrement mis en quarantaine ({detail})",
            en: "{path}: duplicate record id, record quarantined ({detail})"),
        "reliability.quarantine.wrong-path": .init(
            fr: "{path}\u{00A0}: enregistrement mal rangé, mis en quarantaine ({detail})",
            en: "{path}: record at the wrong path, quarantined ({detail})"),
        "reliability.quarantine.summary": .init(
            fr: .plural(one: "{count} enregistrement en quarantaine, hors des comptes (`charter doctor` les liste)",
                        other: "{count} enregistrements en quarantaine, hors des comptes (`charter doctor` les liste)"),
            en: .plural(one: "{count} record quarantined and left out of the counts (`charter doctor` lists it)",
                        other: "{count} records quarantined and left out of the counts (`charter doctor` lists them)")),
        "reliability.clock.exhausted": .init(
            fr: "l’horloge des délibérations est au maximum ({clock})\u{00A0}; rien n’a été enregistré",
            en: "the deliberation clock is at its maximum ({clock}); nothing was recorded"),
        "reliability.clock.exhausted.hint": .init(
            fr: "un enregistrement forgé l’a portée là\u{00A0}: `charter doctor` le désigne",
            en: "a forged record took it there: `charter doctor` names it"),
        // charter doctor
        "doctor.healthy": .init(fr: "dépôt en bonne santé", en: "the repository is healthy"),
        "doctor.problems": .init(
            fr: .plural(one: "{count} problème trouvé", other: "{count} problèmes trouvés"),
            en: .plural(one: "{count} problem found", other: "{count} problems found")),
        "doctor.fixed": .init(fr: "réparé", en: "fixed"),
        "doctor.fix-with": .init(fr: "pour réparer\u{00A0}: {command}", en: "to fix: {command}"),
        "doctor.quarantined": .init(
            fr: "enregistrement en quarantaine\u{00A0}: {path} ({reason})",
            en: "quarantined record: {path} ({reason})"),
        "doctor.quarantined.fix": .init(
            fr: "restaurez-le avec git (`git log -p {branch} -- {path}`) ou retirez-le par une modification relue",
            en: "restore it with git (`git log -p {branch} -- {path}`) or remove it in a reviewed change"),
        "doctor.adoption": .init(
            fr: "adoption interrompue de l’amendement {amendment} (intention dans .git/charter/adoption-intent.json)",
            en: "interrupted adoption of amendment {amendment} (intent in .git/charter/adoption-intent.json)"),
        "doctor.adoption.fix": .init(fr: "charter doctor --fix (ou toute commande charter)", en: "charter doctor --fix (or any charter command)"),
        "doctor.lock": .init(
            fr: "verrou {path}, vieux de {age}\u{00A0}s",
            en: "lock {path}, {age}s old"),
        "doctor.lock.fix": .init(fr: "charter doctor --fix (quand aucune commande git ou charter ne tourne)",
                                 en: "charter doctor --fix (when no git or charter command is running)"),
        "doctor.shallow": .init(
            fr: "clone superficiel\u{00A0}: l’histoire du texte est tronquée, `charter log` s’arrête avant le début",
            en: "shallow clone: the text’s history is cut short, so `charter log` stops before the beginning"),
        "doctor.single-branch": .init(
            fr: "clone d’une seule branche\u{00A0}: la branche {branch} des délibérations n’a pas été récupérée",
            en: "single-branch clone: the {branch} branch of deliberation records was not fetched"),
        "doctor.no-deliberation": .init(
            fr: "aucune délibération enregistrée (ni branche {branch} locale, ni distante)",
            en: "no deliberation recorded (no local or remote {branch} branch)"),
        "doctor.cache": .init(
            fr: "cache {path}\u{00A0}: {size} octets",
            en: "cache {path}: {size} bytes"),
        "doctor.cache.unreadable": .init(
            fr: "cache {path} illisible\u{00A0}: il sera reconstruit",
            en: "cache {path} cannot be read: it will be rebuilt"),
        "doctor.cache.fix": .init(fr: "charter doctor --fix (le retire\u{00A0}; il est dérivé)", en: "charter doctor --fix (removes it; it is derived)"),
        // Errors a person can act on
        "reliability.shallow.history": .init(
            fr: "l’histoire s’arrête à {commit}\u{00A0}: ce clone est superficiel (git\u{00A0}: {cause})",
            en: "the history stops at {commit}: this clone is shallow (git: {cause})"),
        "reliability.shallow.history.hint": .init(
            fr: "récupérez toute l’histoire avec `git fetch --unshallow`",
            en: "fetch the whole history with `git fetch --unshallow`"),
        "reliability.single-branch.status": .init(
            fr: "aucune délibération trouvée\u{00A0}: ce clone n’a récupéré qu’une branche, pas {branch}",
            en: "no deliberation records found: this clone fetched one branch only, not {branch}"),
        "reliability.single-branch.hint": .init(
            fr: "récupérez-la avec `{command}`",
            en: "fetch it with `{command}`"),
        "reliability.symlink": .init(
            fr: "{path} est un lien symbolique\u{00A0}: git enregistre le lien, pas le texte",
            en: "{path} is a symbolic link: git stores the link, not the text"),
    ]
}
