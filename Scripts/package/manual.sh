#!/usr/bin/env bash
# Scripts/package/manual.sh — man pages generated from the commands' own help by
# swift-argument-parser's generate-manual plugin, once in English and once in French
# (the help follows CHARTER_LANG), into .build/package/man/{en,fr}. The plugin runs the debug build
# (`swift build`, which `make test` makes anyway): the help is the same in every configuration.
set -euo pipefail
swift="${SWIFT:-swift}"
out=.build/package/man
date="$(git log -1 --format=%cs 2>/dev/null || date -u +%F)"
rm -rf "$out"
for language in en fr; do
    mkdir -p "$out/$language"
    CHARTER_LANG=$language CHARTER_MAN_ESCAPES=1 "$swift" package --allow-writing-to-directory "$out/$language" \
        generate-manual --configuration debug --multi-page --date "$date" --section 1 --authors "charter contributors" >&2
    # The plugin writes into its work folder; copy the pages out.
    found="$(find .build/plugins -path '*GenerateManual*' -name 'charter.1' -newer "$out/$language" -print -quit)"
    [ -n "$found" ] || found="$(find .build/plugins -path '*GenerateManual*' -name 'charter.1' -print -quit)"
    [ -n "$found" ] || { echo "manual.sh: the plugin wrote no charter.1" >&2; exit 2; }
    cp "$(dirname "$found")"/*.1 "$out/$language/"
    # The generator writes a backslash as \e: turn the help's \[uXXXX] escapes back into characters.
    sed -i 's/\\e\[u\([0-9A-F]*\)\]/\\[u\1]/g' "$out/$language"/*.1
done
ls "$out"/en | wc -l | xargs echo "man pages per language:"
