#!/bin/bash
# The running kiosk takes a signed pack from its [sync] server's packs/ folder, served by a real nginx on
# loopback (skipped with CTest's 77 when nginx is missing): the first start shows the
# configured pack and checks in the background, installs 1.1.0, starts itself again on the attract loop and
# shows 1.1.0 (kept once its first screen is drawn); a forged 1.2.0 published next is refused by name and the
# kiosk runs on with 1.1.0.   usage: kiosk-update.sh KIOSK KIOSKCTL SOURCE_DIR WORK_DIR
set -u
kiosk=$1 kioskctl=$2 source=$3 work=$4
. "$source/tests/update/nginx-static.sh"
rm -rf "$work" && mkdir -p "$work/www/bundles/packs" "$work/data" && cd "$work" || exit 1
trap '[ -n "${nginx_pid:-}" ] && kill "$nginx_pid" 2>/dev/null' EXIT
start_nginx "$work/nginx" "$work/www"
fail() { echo "FAIL: $*"; exit 1; }

"$kioskctl" keygen --content-key content.key >key.txt 2>/dev/null || fail "keygen"
"$kioskctl" keygen --content-key stranger.key >stranger.txt 2>/dev/null || fail "keygen"
public=$(sed -n 's/^content-public-key: //p' key.txt)
for version in 1.1.0 1.2.0; do
  cp -r "$source/tests/fixtures/packs/minimal" "pack-$version"
  sed -i "s/^version = .*/version = \"$version\"/" "pack-$version/pack.toml"
done
cp -r "$source/tests/fixtures/packs/minimal" boot-pack
"$kioskctl" pack sign pack-1.1.0 --key content.key --out www/bundles/packs/minimal-1.1.0.okpack >/dev/null 2>&1 ||
  fail "pack sign"
echo "1.1.0 minimal-1.1.0.okpack" >www/bundles/packs/index.txt

cat >kiosk.toml <<TOML
kiosk_id = "update-test"
content = "boot-pack"
data_dir = "data"
[sync]
url = "http://127.0.0.1:$nginx_port/bundles"
[content_keys]
campaign = "$public"
TOML

SDL_VIDEODRIVER=dummy timeout 60 "$kiosk" --config kiosk.toml --headless --size 800x480 --exit-after 5 >out1.txt 2>&1
cat out1.txt
grep -q "Pack minimal 1.0.0, not signed" out1.txt || fail "the first start did not show the configured pack"
grep -q "new pack minimal 1.1.0" out1.txt || fail "the check did not install 1.1.0"
grep -q "Pack minimal 1.1.0, signed by campaign" out1.txt || fail "the kiosk did not switch to 1.1.0"
grep -q "^trial 0" data/packs/state || fail "1.1.0 was not kept after its first screen"

"$kioskctl" pack sign pack-1.2.0 --key stranger.key --out www/bundles/packs/minimal-1.2.0.okpack >/dev/null 2>&1 ||
  fail "pack sign"
echo "1.2.0 minimal-1.2.0.okpack" >www/bundles/packs/index.txt
SDL_VIDEODRIVER=dummy timeout 60 "$kiosk" --config kiosk.toml --headless --size 800x480 --exit-after 3 >out2.txt 2>&1
cat out2.txt
grep -q "Pack minimal 1.1.0, signed by campaign" out2.txt || fail "the kiosk did not run on with 1.1.0"
grep -q "refused forged: " out2.txt || fail "the forged 1.2.0 was not refused by name"
if grep -q "Pack minimal 1.2.0" out2.txt; then fail "the forged pack was shown"; fi
grep -q '"GET /bundles/packs/minimal-1.1.0.okpack HTTP/1.1" 200' nginx/access.log ||
  fail "nginx did not serve the pack"
echo "PASS"
