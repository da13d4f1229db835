#!/usr/bin/env bash
# Scripts/package/stage.sh DESTDIR PREFIX — lays out what `make install` and `make deb` install:
# the release binary (static Swift standard library and Foundation), its man pages (English in
# man1, French in fr/man1, generated from the commands by swift-argument-parser's generate-manual
# plugin) and its bash, zsh and fish completions. Run from the repository's root after
# `make static` and `make manual`.
set -euo pipefail
destdir="${1:?usage: stage.sh DESTDIR PREFIX}"
prefix="${2:?usage: stage.sh DESTDIR PREFIX}"
binary=.build/package/bin/charter
man=.build/package/man
[ -x "$binary" ] || { echo "stage.sh: $binary is missing: run make static first" >&2; exit 2; }
[ -d "$man/en" ] || { echo "stage.sh: $man is missing: run make manual first" >&2; exit 2; }

root="$destdir$prefix"
install -Dm755 "$binary" "$root/bin/charter"
strip --strip-debug "$root/bin/charter"   # the debugging information is most of its size
for language in en fr; do
    folder="$root/share/man/man1"
    [ "$language" = fr ] && folder="$root/share/man/fr/man1"
    install -d "$folder"
    for page in "$man/$language"/*.1; do
        gzip -9n < "$page" > "$folder/$(basename "$page").gz"
        chmod 644 "$folder/$(basename "$page").gz"
    done
done
# Completions are generated in English (option names are the same in every language).
install -d "$root/share/bash-completion/completions" "$root/share/zsh/vendor-completions" \
    "$root/share/fish/vendor_completions.d"
CHARTER_LANG=en "$binary" --generate-completion-script bash > "$root/share/bash-completion/completions/charter"
CHARTER_LANG=en "$binary" --generate-completion-script zsh > "$root/share/zsh/vendor-completions/_charter"
CHARTER_LANG=en "$binary" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/charter.fish"
chmod 644 "$root/share/bash-completion/completions/charter" "$root/share/zsh/vendor-completions/_charter" \
    "$root/share/fish/vendor_completions.d/charter.fish"
