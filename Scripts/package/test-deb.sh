#!/usr/bin/env bash
# Scripts/package/test-deb.sh PACKAGE.deb — installs the package into a clean Debian root made
# with debootstrap (bookworm, minbase: no Swift inside), its dependencies from Debian's archive,
# and runs charter --version, init, comment add and status there. Needs root (chroot).
set -euo pipefail
deb="$(readlink -f "${1:?usage: test-deb.sh PACKAGE.deb}")"
suite="${DEBIAN_SUITE:-bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
base=.build/package/rootfs-$suite.tar   # the bare root, kept to make the next run faster
root=.build/package/root
[ "$(id -u)" = 0 ] || { echo "test-deb.sh: needs root (debootstrap, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "test-deb.sh: debootstrap is missing (make package-deps)" >&2; exit 2; }

cleanup() { umount "$root/proc" 2>/dev/null || true; }
trap cleanup EXIT
cleanup
rm -rf "$root"
mkdir -p "$root"
if [ -f "$base" ]; then
    tar -xf "$base" -C "$root"
else
    debootstrap --variant=minbase "$suite" "$root" "$mirror" >&2
    tar -cf "$base" -C "$root" .
fi
if find "$root" -name 'libswift*' -o -name 'swift' -type f | grep -q .; then
    echo "test-deb.sh: the clean root holds Swift" >&2; exit 1
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc" 2>/dev/null || true
cp "$deb" "$root/tmp/charter.deb"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
in_root apt-get update -qq >&2
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/charter.deb >&2
if in_root sh -c 'ls /usr/lib/*/libswift* /usr/bin/swift* 2>/dev/null' | grep -q .; then
    echo "test-deb.sh: installing the package brought Swift in" >&2; exit 1
fi

run() { echo "+ charter $*"; in_root env GIT_AUTHOR_NAME="Test" GIT_AUTHOR_EMAIL="test@example.org" \
    GIT_COMMITTER_NAME="Test" GIT_COMMITTER_EMAIL="test@example.org" sh -c 'cd /root/demo && charter "$@"' charter "$@"; }
mkdir -p "$root/root/demo"
run --version
run init --title "Charte d’essai" --commit
# One territory in the manifest, committed with git (a witness, not a dependency of the package).
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends git >&2
in_root sh -c 'cd /root/demo && sed -i "/^territories:/d" charter/charter.yml &&
    printf "territories:\n  - id: essai\n    name: Territoire d’essai\n" >> charter/charter.yml &&
    git -c user.name=Test -c user.email=test@example.org commit -qam "Un territoire"'
clause="$(in_root sh -c 'ls /root/demo/charter/clauses | head -1 | sed s/.md$//')"
run workshop open essai --title "Atelier d’essai" --date 2026-03-14 --territories essai
run comment add --workshop essai --territory essai --clause "$clause" --position support "D’accord."
run status
run --lang fr status
test -f "$root/usr/share/man/man1/charter.1.gz"
test -f "$root/usr/share/man/fr/man1/charter.1.gz"
in_root sh -c "LANG=fr_FR.UTF-8 charter --help" | grep -q "Délibérer sur une charte"
test -f "$root/usr/share/bash-completion/completions/charter"
echo "package test passed: $(basename "$deb") installed and ran in a clean $suite root"
