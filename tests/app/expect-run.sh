#!/usr/bin/env bash
# Runs one command and checks what a person would check: its exit status and lines it must or must not print.
# usage: expect-run.sh [--exit N] [--fresh DIR]... [--match ERE]... [--no-match ERE]... [--file FILE ERE]... -- COMMAND [ARG]...
#   --exit N       the exit status expected (default 0)
#   --fresh DIR    DIR is removed before the run, so files left by an earlier run cannot pass for new ones
#   --match ERE    some line of stdout+stderr must match (grep -E)
#   --no-match ERE no line may match
#   --file FILE ERE after the run, FILE must exist and some line of it match
set -uo pipefail

expected_exit=0
fresh=()
must=()
must_not=()
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --exit) expected_exit="$2"; shift 2 ;;
    --fresh) fresh+=("$2"); shift 2 ;;
    --match) must+=("$2"); shift 2 ;;
    --no-match) must_not+=("$2"); shift 2 ;;
    --file) files+=("$2" "$3"); shift 3 ;;
    --) shift; break ;;
    *) echo "expect-run.sh: unknown option $1 (options come before --)" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { echo "expect-run.sh: no command after --" >&2; exit 2; }

for dir in "${fresh[@]+"${fresh[@]}"}"; do rm -rf -- "$dir"; done

output="$(mktemp)"
trap 'rm -f "$output"' EXIT
"$@" >"$output" 2>&1
status=$?
cat "$output"

failed=0
if [ "$status" -ne "$expected_exit" ]; then
  echo "expect-run.sh: exit status $status, expected $expected_exit: $*"
  failed=1
fi
for pattern in "${must[@]+"${must[@]}"}"; do
  if ! grep -Eq -- "$pattern" "$output"; then
    echo "expect-run.sh: no line matches /$pattern/"
    failed=1
  fi
done
for pattern in "${must_not[@]+"${must_not[@]}"}"; do
  if grep -Eq -- "$pattern" "$output"; then
    echo "expect-run.sh: a line matches /$pattern/, which should not be printed:"
    grep -E -- "$pattern" "$output" | head -5
    failed=1
  fi
done
set -- "${files[@]+"${files[@]}"}"
while [ $# -gt 0 ]; do
  if [ ! -f "$1" ]; then
    echo "expect-run.sh: $1 was not written"
    failed=1
  elif ! grep -Eq -- "$2" "$1"; then
    echo "expect-run.sh: no line of $1 matches /$2/"
    failed=1
  fi
  shift 2
done
exit "$failed"
