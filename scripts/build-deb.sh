#!/usr/bin/env bash
# Builds the outreach-kiosk Debian package with dpkg-buildpackage and checks it with lintian.
# Usage: scripts/build-deb.sh [--arm64] [OUT_DIR]   (OUT_DIR: build/deb; the .deb lands there)
# The build runs in a fresh copy of the source under OUT_DIR/<arch>/, so the worktree's own build folders,
# and an amd64 and an arm64 build running side by side, never meet.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

arch=$(dpkg --print-architecture)
buildpackage_args=()
if [ "${1:-}" = "--arm64" ]; then
  arch=arm64
  # libunibreak for arm64 comes unpacked, not installed (see scripts/install-deb-deps.sh).
  unibreak_pc=$(scripts/arm64-unibreak.sh)
  export PKG_CONFIG_PATH="$unibreak_pc" KIOSK_EXTRA_LIBDIR="${unibreak_pc%/pkgconfig}"
  buildpackage_args+=(-a arm64 --build-profiles=pkg.outreach-kiosk.unibreak-unpacked)
  shift
fi
out=$(realpath -m "${1:-build/deb}")
jobs=${JOBS:-$(nproc)}

version=$(dpkg-parsechangelog -l debian/changelog -S Version)
work="$out/$arch"
src="$work/outreach-kiosk-$version"
rm -rf "$work"
mkdir -p "$src"
# The files git knows plus new ones not ignored: what a clean checkout of this tree would hold.
git ls-files -z --cached --others --exclude-standard |
  tar -C "$repo" --null -T - -cf - | tar -C "$src" -xf -

echo "deb: building outreach-kiosk $version for $arch in $src${DEB_BUILD_OPTIONS:+ (DEB_BUILD_OPTIONS=$DEB_BUILD_OPTIONS)}"
start=$(date +%s)
# The unit tests are built with the package and, in a native build, run by it (debian/rules): its build tree
# is kept as $work/build for make test-arm64 and make test-system.
(
  cd "$src"
  DEB_BUILD_OPTIONS="parallel=$jobs ${DEB_BUILD_OPTIONS:-}" \
    dpkg-buildpackage -b -us -uc "${buildpackage_args[@]}" >"$work/build.log" 2>&1
) || {
  # A failed test prints its output after ctest's "Start" lines; show the tests' summary and every failure.
  if grep -q "tests failed out of" "$work/build.log"; then
    sed -n '/^Test project/,$p' "$work/build.log" | grep -v -E '^ *(Start +[0-9]+:|[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed)' >&2
  else
    tail -n 60 "$work/build.log" >&2
  fi
  echo "deb: dpkg-buildpackage failed; the whole log is $work/build.log" >&2
  exit 1
}
ln -sfn "outreach-kiosk-$version/obj-$(dpkg-architecture -a "$arch" -qDEB_HOST_GNU_TYPE 2>/dev/null)" "$work/build"
echo "deb: built in $(($(date +%s) - start)) s (log: $work/build.log)"
# The tests' verdict, and what was skipped and why (ctest prints skips among the results).
grep -E "tests passed, .* tests failed out of|^Total Test time|\*\*\*Skipped|Not Run" "$work/build.log" | sed 's/^/deb: /' || true

# dpkg-buildpackage writes next to the source folder.
changes="outreach-kiosk_${version}_${arch}.changes"
rm -f "$out"/outreach-kiosk_"${version}"_"${arch}".* "$out"/outreach-kiosk-dbgsym_"${version}"_"${arch}".*
mv "$work/$changes" "$work/outreach-kiosk_${version}_${arch}.buildinfo" "$work"/outreach-kiosk*_"${version}"_"${arch}".deb "$out/"

echo "deb: lintian $out/$changes"
lintian --fail-on error --info --display-info "$out/$changes" | tee "$work/lintian.txt"
echo "deb: $(ls "$out"/outreach-kiosk_"${version}"_"${arch}".deb)"
