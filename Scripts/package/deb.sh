#!/usr/bin/env bash
# Scripts/package/deb.sh VERSION — builds .build/package/charter_VERSION_ARCH.deb with dpkg-deb from
# what stage.sh installs under /usr. Depends: the Debian packages that hold the libraries the
# binary links (`ldd`, `dpkg -S`; libgit2 among them); Suggests: chromium (PDF export), pandoc.
set -euo pipefail
version="${1:?usage: deb.sh VERSION}"
arch="$(dpkg --print-architecture)"
work=.build/package/deb
rm -rf "$work"
mkdir -p "$work/DEBIAN"
bash Scripts/package/stage.sh "$work" /usr

binary="$work/usr/bin/charter"
if ldd "$binary" | grep -i swift; then
    echo "deb.sh: the binary links a Swift library dynamically: build it with make static" >&2
    exit 2
fi
# The package of each shared library the binary links directly (NEEDED), from the files dpkg knows;
# what those libraries need in turn, their own packages declare.
depends="$(objdump -p "$binary" | awk '/NEEDED/ { print $2 }' | while read -r soname; do
    library="$(ldd "$binary" | awk -v name="$soname" '$1 == name { print $3 }')"
    [ -n "$library" ] || continue
    real="$(readlink -f "$library")"
    dpkg -S "$library" 2>/dev/null || dpkg -S "$real" 2>/dev/null || dpkg -S "/usr$library" 2>/dev/null \
        || { echo "deb.sh: no Debian package holds $library" >&2; exit 2; }
done | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g')"
case "$depends" in
    *libgit2*) ;;
    *) echo "deb.sh: the binary does not link libgit2 from a Debian package (depends: $depends)" >&2; exit 2 ;;
esac

size="$(du -sk "$work/usr" | cut -f1)"
cat > "$work/DEBIAN/control" <<CONTROL
Package: charter
Version: $version
Architecture: $arch
Maintainer: charter contributors <charter@example.org>
Installed-Size: $size
Depends: $depends
Suggests: chromium, pandoc
Section: text
Priority: optional
Homepage: https://github.com/charter-engine/charter
Description: deliberate on and version a charter kept in git
 charter versions a charter that many territories debate, clause by clause, in git,
 and records what each territory said about each clause at each workshop.
 It speaks French and English (LANG, CHARTER_LANG, --lang).
CONTROL
find "$work/usr" -type d -exec chmod 755 {} +
output=".build/package/charter_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip -z6 --build "$work" "$output" >&2   # gzip: fast to build, any dpkg reads it
echo "$output"
