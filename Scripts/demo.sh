#!/usr/bin/env bash
# make demo: replays the bundled charter as three revisions in a scratch
# repository under .build/demo, then shows what an editor would look at.
set -euo pipefail
charter="${1:?usage: demo.sh path/to/charter}"
here="$(cd "$(dirname "$0")/.." && pwd)"
demo="$here/.build/demo"
drafts="$here/Scripts/demo/drafts"

rm -rf "$demo"
mkdir -p "$demo"
cd "$demo"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git init -q -b main .
git config user.name "Équipe de rédaction"
git config user.email "redaction@example.org"

commit() { # commit DATE AUTHOR MESSAGE
    git add -A charter
    GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" git commit -q --author "$2" -m "$3"
}

# Revision 1: the earlier draft (the final text, less the clause added later, overlaid by drafts/).
cp -R "$here/charter" charter
for file in charter/clauses/*.md; do
    id="$(basename "$file" .md)"
    grep -qw -- "$id" "$drafts/charter.yml" || rm "$file"
done
cp -R "$drafts/." charter/
commit "2021-09-20T18:00:00+02:00" "Claire Martin <claire.martin@example.org>" "Premier jet de la charte"
"$charter" release v0.1 -m "Premier jet, mis en débat aux Ateliers de la co-construction" >/dev/null

# Revision 2: a proof-reading pass (typography, one title).
cp "$here/charter/clauses/bonnes-nouvelles.md" "$here/charter/clauses/juste-place.md" charter/clauses/
commit "2021-10-04T09:30:00+02:00" "Karim Benali <karim.benali@example.org>" "Relecture : typographie et titre de l’article sur la juste place"

# Revision 3: the text as it came out of the workshops.
rm -rf charter && cp -R "$here/charter" charter
commit "2021-11-15T17:00:00+01:00" "Claire Martin <claire.martin@example.org>" "Version issue des Ateliers de la co-construction"

say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
quiet() { "$charter" "$@" >/dev/null; }

# Deliberation: a workshop on the first draft, another on the final text,
# with the territories' feedback imported from the spreadsheets in charter/ateliers/.
all="vallee-de-la-sorgeac,plateau-des-mille-sources,pays-d-ormanges,haut-verdal,port-saint-aubin,ile-de-keraven,bassin-de-carvignac"
quiet workshop open lyon --title "Atelier de la co-construction — Lyon" --date 2021-10-01 --place Lyon \
    --territories "$all" --at HEAD~2 --facilitator "Claire Martin <claire.martin@example.org>"
quiet comment import "$here/charter/ateliers/atelier-lyon.csv" --workshop lyon --facilitator "Claire Martin <claire.martin@example.org>"
quiet workshop close lyon --facilitator "Claire Martin <claire.martin@example.org>"
quiet workshop open nantes --title "Atelier de la co-construction — Nantes" --date 2021-11-30 --place Nantes \
    --territories "${all/,ile-de-keraven/}" --facilitator "Karim Benali <karim.benali@example.org>"
quiet comment import "$here/charter/ateliers/atelier-nantes.csv" --workshop nantes --facilitator "Karim Benali <karim.benali@example.org>"

say charter list
"$charter" list
say charter log juste-place
"$charter" log juste-place
say charter log
"$charter" log
say charter diff HEAD~2 HEAD
"$charter" diff HEAD~2 HEAD
say charter workshop list
"$charter" workshop list
say charter log gouvernance-partagee
"$charter" log gouvernance-partagee
say charter status
"$charter" status
# Amendments: proposed by territories, debated, adopted (one over a concurrent
# editorial change, by three-way merge), one conflicting and refused, one rejected;
# then a release and its changelog.
nantes=(--workshop nantes --facilitator "Karim Benali <karim.benali@example.org>")
propose() { "$charter" amend propose "$@" | sed -n 's/^Proposed amendment \([0-9a-f]*\).*/\1/p'; }
support() { for territory in "${@:2}"; do quiet comment add "${nantes[@]}" --territory "$territory" --amendment "$1" --position support; done; }
"$charter" show juste-place --body | sed 's/ni instrumentalisé, ni effacé/jamais instrumentalisé ni effacé/' > amendement-juste-place.md
"$charter" show bien-commun --body | sed 's/ne se décrète pas d’en haut/ne se proclame pas d’en haut/' > amendement-bien-commun.md
"$charter" show bien-commun --body | sed 's/ne se décrète pas d’en haut/ne se décide pas d’en haut/' > amendement-bien-commun-bis.md
printf 'Les territoires littoraux et insulaires forment des alliances qui leur sont propres.\n' > amendement-littoral.md
juste=$(propose --territory haut-verdal --workshop nantes --rationale "Une formulation plus nette." --clause juste-place --text-file amendement-juste-place.md)
bien=$(propose --territory pays-d-ormanges --workshop nantes --rationale "« Proclamer » dit mieux le risque." --clause bien-commun --text-file amendement-bien-commun.md)
bis=$(propose --territory plateau-des-mille-sources --workshop nantes --rationale "Décider, pas décréter." --clause bien-commun --text-file amendement-bien-commun-bis.md)
littoral=$(propose --territory ile-de-keraven --rationale "Il manquait la mer." --insert-after le-territoire --id littoral --title "Le littoral" --text-file amendement-littoral.md)
rm amendement-*.md
support "$juste" haut-verdal pays-d-ormanges port-saint-aubin vallee-de-la-sorgeac
support "$bien" haut-verdal pays-d-ormanges port-saint-aubin bassin-de-carvignac
quiet comment add "${nantes[@]}" --territory bassin-de-carvignac --amendment "$littoral" --position objection "Une clause par type de territoire, et la charte n’en finira plus."
# Meanwhile an editor makes an editorial change to the same clause.
sed -i 's/ prend le temps d’en débattre/ prend le temps d’en débattre ensemble/' charter/clauses/juste-place.md
commit "2021-12-01T10:00:00+01:00" "Karim Benali <karim.benali@example.org>" "Relecture de la juste place"
say charter amend list
"$charter" amend list
say charter amend adopt "$juste"   "# merged over the editor's change"
"$charter" amend adopt "$juste" --editor "Claire Martin <claire.martin@example.org>"
say charter amend adopt "$bien"
"$charter" amend adopt "$bien" --editor "Claire Martin <claire.martin@example.org>"
say charter amend adopt "$bis" --force "  # collides with the adopted one: refused, nothing changed"
"$charter" amend adopt "$bis" --force --editor "Claire Martin <claire.martin@example.org>" || true
quiet amend withdraw "$bis" --reason "Repris dans l’amendement adopté" --facilitator "Karim Benali <karim.benali@example.org>"
say charter amend reject "$littoral" --reason "…"
"$charter" amend reject "$littoral" --reason "Objection du Bassin de Carvignac : une clause générale sur la diversité des territoires suffit." --facilitator "Karim Benali <karim.benali@example.org>"
# Two territories amend two sentences of one paragraph of « Co-construire plutôt que
# consulter », by passage (« remplacer X par Y »): both adopted, the second merged sentence
# by sentence onto the first without a rebase; blame says where each sentence comes from.
formulation=$(propose --territory pays-d-ormanges --workshop nantes --rationale "Associer dès la formulation du problème." \
    --clause co-construction --quote "dès la définition du problème" --replace "dès la formulation du problème")
annoncent=$(propose --territory haut-verdal --workshop nantes --rationale "Un niveau annoncé avant de commencer." \
    --clause co-construction --quote "et disent honnêtement" --replace "et annoncent honnêtement")
support "$formulation" haut-verdal pays-d-ormanges port-saint-aubin vallee-de-la-sorgeac
support "$annoncent" haut-verdal pays-d-ormanges port-saint-aubin bassin-de-carvignac
say charter amend adopt "$formulation"
"$charter" amend adopt "$formulation" --editor "Claire Martin <claire.martin@example.org>"
say charter amend adopt "$annoncent" "  # another sentence of the same paragraph: merged, no rebase"
"$charter" amend adopt "$annoncent" --editor "Claire Martin <claire.martin@example.org>"
say charter blame co-construction
"$charter" blame co-construction
say git log -3 --format='%h %s%n%(trailers)'
git log -3 --format='%h %s%n%(trailers)'
say charter release v1.0 "  # the gate: the objection on transparence still stands"
"$charter" release v1.0 || true
quiet comment add "${nantes[@]}" --territory port-saint-aubin --clause transparence --position reservation \
    "Nous levons notre objection : la déclaration d’intérêt sera faite auprès du déontologue de la collectivité."
say charter release v1.0
"$charter" release v1.0 -m "Version issue des Ateliers de la co-construction"
say charter changelog v0.1 v1.0
"$charter" changelog v0.1 v1.0
say charter check --gate release
"$charter" check --gate release | tail -4 || true


# The published charter with its figures, and the facilitators' web console.
quiet facilitator add "Claire Martin <claire.martin@example.org>" --territories "$all"
export_dir="$here/.build/demo-export"
say charter export --format html --out .build/demo-export
"$charter" export --format html --out "$export_dir"
printf '\nThe demo repository is %s — try more commands there (charter --help).\n' "$demo"
port="${CHARTER_PORT:-8080}"
if [ -t 1 ]; then
    say charter serve --port "$port"
    exec "$charter" serve --repo "$demo" --port "$port"
fi
printf 'The web console: `charter serve --repo .build/demo` serves it at http://127.0.0.1:%s/\n' "$port"
