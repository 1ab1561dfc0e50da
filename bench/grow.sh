#!/usr/bin/env bash
# bench/grow.sh: how credlint's cost grows with the size of one package,
# in the two shapes of bench/grow (issue 16, "Quadratic growth").
#
# Usage: bench/grow.sh [-s SHAPE] [-e ENGINE] [SIZES...]
#
#   -s SHAPE   ignores (N handlers, each with a trailing //credlint:ignore)
#              or recursive (N mutually recursive functions, each reading a
#              key, reached from one handler); default ignores
#   -e ENGINE  process (credlint -engine=process, one process: its peak RSS
#              is the analysis's) or vet (go vet -vettool=credlint, the
#              unit's own peak; go vet's cache is bypassed with a fresh
#              -cred-keys value per run); default process
#   SIZES      default 1000 2000 4000 8000
#
# Prints one line per size: N, wall seconds, user+system CPU seconds, peak
# RSS in MiB, the findings' exit code, and the ratio of CPU to the previous
# size's (about 2 for linear growth when the size doubles). Needs GNU time
# (Debian package "time").
set -euo pipefail
cd "$(dirname "$0")/.."
shape=ignores engine=process
while getopts s:e: o; do
	case $o in
	s) shape=$OPTARG ;;
	e) engine=$OPTARG ;;
	*) echo "usage: bench/grow.sh [-s ignores|recursive] [-e process|vet] [SIZES...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 2000 4000 8000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/credlint" ./cmd/credlint
printf '%-8s %8s %8s %8s %5s %7s\n' N wall_s cpu_s rss_MiB exit cpu×
prev=""
for n in "${sizes[@]}"; do
	mod="$work/m$n"
	go run ./bench/grow -shape "$shape" -n "$n" "$mod"
	if [ "$engine" = vet ]; then
		cmd=(go vet -vettool="$work/credlint" -cred-keys="GROW_$RANDOM$n" ./...)
	else
		cmd=("$work/credlint" -engine=process -format=json ./...)
	fi
	set +e
	(cd "$mod" && /usr/bin/time -f '%e %U %S %M' -o "$work/time" "${cmd[@]}" >/dev/null 2>"$work/err")
	code=$?
	set -e
	# GNU time writes "Command exited with non-zero status N" first when the
	# command fails (it does when there are findings): the figures are last.
	read -r wall user sys rss < <(tail -n 1 "$work/time")
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	ratio=-
	[ -n "$prev" ] && ratio=$(awk -v a="$cpu" -v b="$prev" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
	printf '%-8s %8s %8s %8s %5s %7s\n' "$n" "$wall" "$cpu" "$((rss / 1024))" "$code" "$ratio"
	prev=$cpu
done
