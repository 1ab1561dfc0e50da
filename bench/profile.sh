#!/usr/bin/env bash
# bench/profile.sh: where a cold `go vet -vettool=credlint` spends its CPU.
#
# Usage:
#   bench/profile.sh [-T TOOL] [-o OUTDIR] DIR
#
#   DIR        a module directory to vet (e.g. testdata/realdeps, or a tree
#              that bench/run.sh prepared under its OUTDIR/trees)
#   -T TOOL    credlint (default) or noop (bench/noop)
#   -o OUTDIR  where perf.data and the reports go (default: a new directory
#              under ${TMPDIR:-/tmp})
#
# credlint has no -cpuprofile flag, and under go vet each package is a
# separate short-lived process, so this samples the whole process tree with
# perf (`perf record -e cpu-clock -g`, inherited by the go command's children)
# over one `go vet -vettool=TOOL ./...` with a fresh, empty GOCACHE, and
# prints:
#   1. CPU samples by command (compile, the vet tool, go, asm, link, ...);
#   2. for the vet tool alone, the share under each phase (parsing,
#      type-checking, export data, SSA construction, credlint's passes, fact
#      encoding), by call stack; a sample counts in every phase on its stack;
#   3. the tool's top functions by self time;
# and, before it, the sizes of the .vetx files the run cached (bench/vetxsize).
#
# Requirements: perf (`apt-get install -y linux-perf`), GNU time not needed.
set -euo pipefail

tool=credlint
out=
while getopts "T:o:h" opt; do
	case $opt in
	T) tool=$OPTARG ;;
	o) out=$OPTARG ;;
	h)
		sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [[ $# -ne 1 ]]; then
	echo "usage: bench/profile.sh [-T credlint|noop] [-o OUTDIR] DIR" >&2
	exit 2
fi
dir=$(cd "$1" && pwd)
case $tool in
credlint) pkg=./cmd/credlint ;;
noop) pkg=./bench/noop ;;
*)
	echo "profile.sh: -T wants credlint or noop" >&2
	exit 2
	;;
esac
if ! command -v perf >/dev/null; then
	echo "profile.sh: perf is missing; install it with: apt-get install -y linux-perf" >&2
	exit 1
fi

repo=$(cd "$(dirname "$0")/.." && pwd)
# The tree profiled is a module of its own (perhaps inside this
# repository: testdata/realdeps): the go command runs in it with
# GOWORK=off, and in this repository with its workspace (go.work).
export GOWORK=off
out=${out:-$(mktemp -d "${TMPDIR:-/tmp}/credlint-profile.XXXXXX")}
mkdir -p "$out"
out=$(cd "$out" && pwd)
# A short name: perf reports the command name, truncated to 15 characters.
bin=$out/vt-$tool
(cd "$repo" && GOWORK="$repo/go.work" go build -o "$bin" "$pkg")
comm=$(basename "$bin")

(cd "$dir" && go mod download)
cache=$(mktemp -d "$out/gocache.XXXXXX")
echo "profiling go vet -vettool=$tool in $dir (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
rc=0
(cd "$dir" && GOCACHE=$cache perf record -q -e cpu-clock -F 499 -g -o "$out/perf.data" -- \
	go vet -vettool="$bin" ./... >"$out/vet.out" 2>&1) || rc=$?
echo "go vet exit status $rc (1 with findings); output in $out/vet.out" >&2
(cd "$repo" && GOWORK="$repo/go.work" go run ./bench/vetxsize "$cache") | tee "$out/vetx.txt"
rm -rf "$cache"

{
	echo "## CPU samples by command"
	perf report -i "$out/perf.data" --stdio --no-children --sort comm 2>/dev/null |
		grep -E '^ +[0-9.]+%' | head -15
	echo
	echo "## $tool: share of its own samples under each phase (by call stack)"
	perf script -i "$out/perf.data" --comm "$comm" -F ip,sym 2>/dev/null | awk '
	function flush() {
		if (!n) return
		total++
		for (p in seen) delete seen[p]
		for (i = 1; i <= n; i++) {
			s = st[i]
			if (s ~ /go\/parser\./) seen["parse (go/parser)"] = 1
			if (s ~ /go\/types\.\(\*Checker\)/) seen["type-check (go/types.Checker)"] = 1
			if (s ~ /gcimporter\.IImportData|gcimporter\.iimport|internal\/gcimporter\.\(\*importReader\)|gcimporter\.iimportCommon/) seen["import types of dependencies (gcimporter)"] = 1
			if (s ~ /gcimporter\.IExport|gcimporter\.iexport|gcimporter\.\(\*exporter\)|gcimporter\.\(\*iexporter\)/) seen["export types for importers (gcimporter)"] = 1
			if (s ~ /go\/ssa\./) seen["SSA (go/ssa)"] = 1
			if (s ~ /buildssa/) seen["buildssa pass"] = 1
			if (s ~ /credlint\/passes\/envaccess/) seen["passes/envaccess"] = 1
			if (s ~ /credlint\/passes\/roots/) seen["passes/roots"] = 1
			if (s ~ /credlint\/analyzer\./) seen["analyzer (findings)"] = 1
			if (s ~ /encoding\/gob/) seen["facts (encoding/gob)"] = 1
			if (s ~ /ast\/inspector/) seen["ast/inspector"] = 1
			if (s ~ /^runtime\.gcBgMarkWorker|^runtime\.gcDrain|^runtime\.mallocgc|^runtime\.scanobject/) seen["runtime: GC and allocation"] = 1
		}
		for (p in seen) cnt[p]++
		n = 0
	}
	/^$/ { flush(); next }
	{ n++; $1 = ""; sub(/^ /, ""); st[n] = $0 }
	END {
		flush()
		printf "%d samples of %s\n", total, "'"$comm"'"
		for (p in cnt) printf "%6.1f%%  %s\n", 100 * cnt[p] / total, p | "sort -rn"
	}'
	echo
	echo "## $tool: top functions by self time"
	perf report -i "$out/perf.data" --stdio --no-children --percentage relative --comm "$comm" --sort sym 2>/dev/null |
		grep -E '^ +[0-9.]+%' | head -30
} | tee "$out/report.txt"
echo "perf data in $out/perf.data; report in $out/report.txt" >&2
