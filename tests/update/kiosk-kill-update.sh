#!/bin/bash
# SIGKILL at random points of an update in the running kiosk itself (download, unpack, switch, restart): each
# round publishes a newer signed pack on a real nginx, starts the kiosk (which checks after its first frame,
# installs, and starts itself again on the new pack), kills it after a random delay, then starts it once more
# without a server and requires a complete pack on screen and no half-written file left in data/packs.
#   usage: kiosk-kill-update.sh KIOSK KIOSKCTL SOURCE_DIR WORK_DIR [ROUNDS]
set -u
kiosk=$1 kioskctl=$2 source=$3 work=$4 rounds=${5:-50}
. "$source/tests/update/nginx-static.sh"
rm -rf "$work" && mkdir -p "$work/www/bundles/packs" "$work/data" && cd "$work" || exit 1
trap '[ -n "${nginx_pid:-}" ] && kill "$nginx_pid" 2>/dev/null; [ -n "${pid:-}" ] && kill -KILL "$pid" 2>/dev/null' EXIT
fail() { echo "FAIL (round $round): $*"; exit 1; }
round=0
# Slowed to 4 KB/s, so the download of the pack (about 7 KB) takes a second or two, like a real one over a
# booth's mobile link, and a kill can land in it.
start_nginx "$work/nginx" "$work/www" "limit_rate 4k;"

"$kioskctl" keygen --content-key content.key >key.txt 2>/dev/null || fail "keygen"
public=$(sed -n 's/^content-public-key: //p' key.txt)
cp -r "$source/tests/fixtures/packs/minimal" boot-pack
for config in kiosk.toml verify.toml; do
  {
    echo 'kiosk_id = "kill-test"'
    echo 'content = "boot-pack"'
    echo 'data_dir = "data"'
    [ "$config" = kiosk.toml ] && printf '[sync]\nurl = "http://127.0.0.1:%s/bundles"\n' "$nginx_port"
    printf '[content_keys]\ncampaign = "%s"\n' "$public"
  } >"$config"
done

declare -A points=()
kills=0
for round in $(seq 1 "$rounds"); do
  # Something newer than whatever runs: 1.ROUND.0 (the boot pack is 1.0.0).
  version="1.$round.0"
  rm -rf pack-src && cp -r boot-pack pack-src
  sed -i "s/^version = .*/version = \"$version\"/" pack-src/pack.toml
  rm -f www/bundles/packs/*.okpack
  "$kioskctl" pack sign pack-src --key content.key --out "www/bundles/packs/minimal-$version.okpack" \
    >/dev/null 2>&1 || fail "pack sign"
  echo "$version minimal-$version.okpack" >www/bundles/packs/index.txt

  SDL_VIDEODRIVER=dummy "$kiosk" --config kiosk.toml --headless --size 800x480 >run.txt 2>&1 &
  pid=$!
  sleep "$(awk -v seed="$round" 'BEGIN { srand(seed * 7919); printf "%.3f", 0.05 + rand() * 3 }')"
  # Where the update was when the kill came, from what the kiosk left on disk and said.
  starts=$(grep -c "video, " run.txt)
  kill -KILL "$pid" && kills=$((kills + 1))
  wait "$pid" 2>/dev/null
  pid=
  if [ "$starts" -ge 2 ]; then point=restart
  elif compgen -G "data/packs/incoming-*" >/dev/null; then point=unpack
  elif compgen -G "data/packs/download-*" >/dev/null; then point=download
  elif grep -q "new pack minimal $version" run.txt; then point=switch
  else point=start-up
  fi
  points[$point]=$((${points[$point]:-0} + 1))

  SDL_VIDEODRIVER=dummy timeout 60 "$kiosk" --config verify.toml --headless --size 800x480 --exit-after 0 \
    >after.txt 2>&1 || { cat run.txt after.txt; fail "the kiosk did not start again"; }
  shown=$(sed -n 's/^kiosk: Pack minimal \([0-9.]*\), .*/\1/p' after.txt)
  [ -n "$shown" ] || { cat run.txt after.txt; fail "no pack on screen after the kill ($point)"; }
  if grep -q "did not load" after.txt; then cat run.txt after.txt; fail "a pack did not load after the kill ($point)"; fi
  for entry in data/packs/*; do
    case "${entry##*/}" in state | slot-*) ;; *) fail "left behind after a start: $entry" ;; esac
  done
  echo "round $round: killed during $point, restarted on minimal $shown"
done
summary=""
for point in start-up download unpack switch restart; do summary+=" $point=${points[$point]:-0}"; done
echo "kills: $kills; where:$summary"
[ "$kills" -ge 50 ] || [ "$rounds" -lt 50 ] || fail "only $kills kills"
echo "PASS"
