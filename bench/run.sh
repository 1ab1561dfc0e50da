#!/usr/bin/env bash
# bench/run.sh: cost of credlint under `go vet -vettool`, against the floor.
#
# Usage:
#   bench/run.sh [-n RUNS] [-t TREES] [-m MODULE@VERSION] [-o OUTDIR] [-W] [-s]
#   bench/run.sh -R OUTDIR
#
#   -n RUNS    runs per tree and tool, cold and compile-cached (default 1);
#              the table shows the median and, for cold runs, the min-max
#   -t TREES   comma-separated trees to measure: realdeps, module, or the
#              directory of a Go module (copied first) (default
#              realdeps,module)
#   -m MOD@V   the large real module to measure (default
#              github.com/caddyserver/caddy/v2@v2.11.9), fetched through the
#              module proxy with `go mod download -json` and copied out of the
#              module cache into a scratch directory
#   -o OUTDIR  where binaries, trees, logs and the table go (default: a new
#              directory under ${TMPDIR:-/tmp}); kept at the end
#   -W         skip the warm reruns
#   -s         skip the cold runs (and so the warm reruns): fill a cache with
#              one untimed noop run and do only the compile-cached runs
#   -R OUTDIR  print the table of an earlier run in OUTDIR again, and exit
#
# What it measures, for each tree and for each of two vet tools:
#   - credlint (./cmd/credlint), and
#   - noop (./bench/noop): one analyzer with no facts that reports nothing.
#     unitchecker still parses and type-checks every package of the build
#     graph and writes its export data for the importers, and go vet still
#     compiles the dependencies: that is the floor every vet tool pays.
#
# cold: `go vet -vettool=TOOL ./...` in the tree with a fresh, empty GOCACHE
# (so the standard library and every dependency are compiled and analysed
# again), under /usr/bin/time -v for wall time, CPU time (user+sys of the
# whole process tree) and peak RSS. GOMODCACHE is shared and `go mod download`
# runs first, so downloads are not timed. The runs of the two tools alternate
# (noop first on odd rounds, credlint first on even ones) so that load from
# other processes falls on both alike. Ratios are only meaningful within one
# invocation of this script: compare nothing across runs on a shared machine.
#
# compile cached: the same go vet in the noop tool's last cold GOCACHE, which
# holds every compiled package, with a copy of the tool that has a few bytes
# appended: go vet keys vet results on the tool's build ID (its SHA-256), so
# every package is analysed again while every compile is a cache hit. This is
# the vet tool's own cost (plus the go command's), which a cold run buries
# under compilation. Alternating as above, each run with a new copy.
#
# warm: after the cold runs, two reruns reuse the GOCACHE of the tool's last
# cold run:
#   - touch: `touch` one file of the tree's main module and rerun. The go
#     command keys its cache on file contents, so this is the no-change rerun.
#   - edit: append a comment line to that file, rerun, then restore the file:
#     the package is vetted again, its importers only if its output changed.
#
# "peak RSS" is ru_maxrss of the go vet process tree as /usr/bin/time reports
# it: the largest single process (a compile or one tool run), not the sum of
# the processes that ran at the same time.
#
# "packages analysed" is the number of times go vet runs the tool: one per
# package of the build graph, test variants and the standard library included
# (counted with `go vet -n`).
#
# "GOCACHE" is the size of the cache directory after the cold run. "facts" is
# the total size of the facts parts of the .vetx files that credlint's first
# compile-cached run added to the cache (bench/vetxsize reads their headers;
# noop has none) and how many packages have a non-empty fact set; credlint has
# no flag that reports its fact sizes. `go run ./bench/vetxsize -decode GOCACHE`
# says more about them.
#
# Requirements: go, /usr/bin/time (GNU time; `apt-get install -y time`), and
# access to the Go module proxy for the large module.
#
# Example: bench/run.sh -n 3 -o /tmp/credlint-bench
set -euo pipefail

runs=1
trees=realdeps,module
module=github.com/caddyserver/caddy/v2@v2.11.9
out=
warm=1
cold=1
rerender=
while getopts "n:t:m:o:WsR:h" opt; do
	case $opt in
	n) runs=$OPTARG ;;
	t) trees=$OPTARG ;;
	m) module=$OPTARG ;;
	o) out=$OPTARG ;;
	W) warm=0 ;;
	s) cold=0 warm=0 ;;
	R) rerender=$OPTARG ;;
	h)
		sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [[ $# -gt 0 ]]; then
	echo "run.sh: unexpected arguments: $*" >&2
	exit 2
fi
if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
	echo "run.sh: -n wants a positive number, got $runs" >&2
	exit 2
fi

# table OUTDIR: the Markdown table of the run in OUTDIR, from its results.tsv
# (one line per go vet run: tree, tool, kind, wall s, user s, sys s, max RSS
# KiB, GOCACHE bytes, facts bytes, packages with facts, exit status) and
# meta.tsv (tree, label, packages analysed).
table() {
	local dir=$1 tree label units
	echo
	echo "| tree | packages analysed | tool | cold wall, median (min–max) | cold CPU, median | compile cached: wall / CPU, median | warm wall: touch / edit | peak RSS: cold / compile cached | GOCACHE after cold run | facts (packages with facts) | ratio to floor: cold wall / cold CPU / cached wall / cached CPU |"
	echo "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	while IFS=$'\t' read -r tree label units; do
		awk -F'\t' -v tree="$tree" -v label="$label" -v units="$units" '
		function sorted(s, a,   n, i, j, x) {
			n = split(s, a, " ")
			for (i = 2; i <= n; i++) {
				x = a[i] + 0
				for (j = i - 1; j >= 1 && a[j] + 0 > x; j--) a[j + 1] = a[j]
				a[j + 1] = x
			}
			return n
		}
		function median(s,   a, n) {
			n = sorted(s, a)
			if (!n) return ""
			return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
		}
		function minmax(s,   a, n) {
			n = sorted(s, a)
			return n > 1 ? sprintf(" (%.0f–%.0f s)", a[1], a[n]) : ""
		}
		function secs(v, f) { return v == "" ? "–" : sprintf(f " s", v) }
		function mib(b) { return b == "-" || b == "" ? "–" : b < 1048576 ? sprintf("%.1f KiB", b / 1024) : sprintf("%.1f MiB", b / 1048576) }
		function ratio(a, b) { return a == "" || b == "" || b == 0 ? "–" : sprintf("%.2f×", a / b) }
		$1 == tree {
			t = $2
			if ($3 ~ /^cold/) {
				wall[t] = wall[t] " " $4
				cpu[t] = cpu[t] " " ($5 + $6)
				if ($7 > rss[t]) rss[t] = $7
				size[t] = $8
			} else if ($3 ~ /^cached/) {
				cwall[t] = cwall[t] " " $4
				ccpu[t] = ccpu[t] " " ($5 + $6)
				if ($7 > crss[t]) crss[t] = $7
				if ($9 != "-") { facts[t] = $9; withfacts[t] = $10 }
			} else {
				w[t, $3] = $4
			}
		}
		END {
			fw = median(wall["noop"]); fc = median(cpu["noop"])
			fcw = median(cwall["noop"]); fcc = median(ccpu["noop"])
			n = split("noop credlint", tools, " ")
			for (i = 1; i <= n; i++) {
				t = tools[i]
				mw = median(wall[t]); mc = median(cpu[t])
				mcw = median(cwall[t]); mcc = median(ccpu[t])
				cold = (mw == "" ? "–" : sprintf("%.0f s%s", mw, minmax(wall[t])))
				cached = (mcw == "" ? "–" : sprintf("%.1f s / %.1f s", mcw, mcc))
				warm = (w[t, "touch"] == "" ? "–" : sprintf("%.1f s / %.1f s", w[t, "touch"], w[t, "edit"]))
				peak = sprintf("%s / %s", rss[t] == "" ? "–" : sprintf("%.0f MiB", rss[t] / 1024), crss[t] == "" ? "–" : sprintf("%.0f MiB", crss[t] / 1024))
				fa = (t == "noop" ? "none" : facts[t] == "" ? "–" : sprintf("%s (%s)", mib(facts[t]), withfacts[t]))
				printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s / %s |\n", \
					label, units, t, cold, secs(mc, "%.0f"), cached, warm, peak, mib(size[t]), fa, \
					ratio(mw, fw), ratio(mc, fc), ratio(mcw, fcw), ratio(mcc, fcc)
			}
		}' "$dir/results.tsv"
	done <"$dir/meta.tsv"
}

if [[ -n $rerender ]]; then
	table "$rerender"
	exit 0
fi

if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -v true >/dev/null 2>&1; then
	echo "run.sh: GNU time is missing: /usr/bin/time -v is needed for wall time and peak RSS." >&2
	echo "run.sh: install it with: apt-get install -y time" >&2
	exit 1
fi

repo=$(cd "$(dirname "$0")/.." && pwd)
out=${out:-$(mktemp -d "${TMPDIR:-/tmp}/credlint-bench.XXXXXX")}
mkdir -p "$out"/bin "$out"/logs "$out"/trees
out=$(cd "$out" && pwd)
results=$out/results.tsv
: >"$results"
: >"$out/meta.tsv"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

log "output in $out"
log "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; $(go version)"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# Build the tools with the ordinary cache; building is not timed.
(cd "$repo" && go build -o "$out/bin/credlint" ./cmd/credlint)
(cd "$repo" && go build -o "$out/bin/noop" ./bench/noop)
(cd "$repo" && go build -o "$out/bin/vetxsize" ./bench/vetxsize)
tools=(noop credlint)

# prepare_tree NAME: sets dir (the tree), edit (the file the warm runs change)
# and label (what the table calls it).
prepare_tree() {
	case $1 in
	realdeps)
		dir=$out/trees/realdeps
		rm -rf "$dir"
		cp -r "$repo/testdata/realdeps" "$dir"
		edit=$dir/main.go
		label="testdata/realdeps"
		;;
	module)
		local path=${module%@*} version=${module#*@} src
		src=$(cd "$out" && go mod download -json "$path@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
		if [[ -z $src || ! -d $src ]]; then
			echo "run.sh: go mod download did not give a directory for $module" >&2
			exit 1
		fi
		dir=$out/trees/$(basename "${path%/v[0-9]*}")
		rm -rf "$dir"
		cp -r "$src" "$dir"
		chmod -R u+w "$dir"
		# A Go file of the module's root package, or else of the first package.
		edit=$(cd "$dir" && go list -f '{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}' . 2>/dev/null | head -1 || true)
		if [[ -z $edit ]]; then
			edit=$(cd "$dir" && go list -f '{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}' ./... | head -1)
		fi
		label=$module
		;;
	*)
		if [[ ! -f $1/go.mod ]]; then
			echo "run.sh: unknown tree $1 (want realdeps, module or a module directory)" >&2
			exit 2
		fi
		dir=$out/trees/$(basename "$1")
		rm -rf "$dir"
		cp -r "$1" "$dir"
		chmod -R u+w "$dir"
		edit=$(cd "$dir" && go list -f '{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}' ./... | head -1)
		label=$(basename "$1")
		;;
	esac
	(cd "$dir" && go mod download)
}

# count_units DIR: how many times go vet runs the vet tool in DIR.
count_units() {
	local g n
	g=$(mktemp -d "$out/gocache.count.XXXXXX")
	n=$(cd "$1" && GOCACHE=$g go vet -n -vettool="$out/bin/noop" ./... 2>&1 | grep -c "$out/bin/noop ")
	rm -rf "$g"
	echo "$n"
}

# timed TREE TOOL KIND GOCACHE DIR [BINARY]: runs go vet once under
# /usr/bin/time -v and appends a line to results.tsv.
timed() {
	local tree=$1 tool=$2 kind=$3 cache=$4 dir=$5 bin=${6:-$out/bin/$2} base rc=0 load
	base=$out/logs/$tree.$tool.$kind
	load=$(cut -d' ' -f1 /proc/loadavg)
	log "$tree $tool $kind (load $load)"
	(cd "$dir" && GOCACHE=$cache /usr/bin/time -v -o "$base.time" \
		go vet -vettool="$bin" ./... >"$base.out" 2>&1) || rc=$?
	# go vet exits 1 when the tool reports findings; anything the tool or the
	# go command could not do shows up in $base.out.
	local wall user sys rss size=- facts=- withfacts=- sizes=
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$base.time")
	user=$(awk -F': ' '/User time/ {print $2}' "$base.time")
	sys=$(awk -F': ' '/System time/ {print $2}' "$base.time")
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$base.time")
	if [[ $kind == cold* ]]; then
		size=$(du -sb "$cache" | cut -f1)
	fi
	if [[ $kind == cached1 && $tool == credlint ]]; then
		# The cache holds noop's .vetx files (no facts) and this run's.
		sizes=$("$out/bin/vetxsize" "$cache")
		echo "$sizes" >"$base.vetx"
		facts=$(sed -n 's/.* facts_bytes=\([0-9]*\).*/\1/p' <<<"$sizes")
		withfacts=$(sed -n 's/.* facts_nonempty=\([0-9]*\).*/\1/p' <<<"$sizes")
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tree" "$tool" "$kind" "$wall" "$user" "$sys" "$rss" "$size" "$facts" "$withfacts" "$rc" >>"$results"
	log "  wall ${wall}s, cpu $(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')s, peak RSS $((rss / 1024)) MiB, exit $rc${sizes:+; $sizes}"
}

# order I: the two tools, noop first on odd rounds.
order() { if (($1 % 2 == 1)); then echo noop credlint; else echo credlint noop; fi; }

IFS=, read -r -a tree_list <<<"$trees"
for spec in "${tree_list[@]}"; do
	prepare_tree "$spec"
	tree=$spec
	[[ $spec == realdeps || $spec == module ]] || tree=$(basename "$spec")
	units=$(count_units "$dir")
	printf '%s\t%s\t%s\n' "$tree" "$label" "$units" >>"$out/meta.tsv"
	log "$tree: $label in $dir, $units packages analysed per run; warm edit: ${edit#"$dir"/}"
	declare -A last_cache=()
	if ((cold)); then
		for ((i = 1; i <= runs; i++)); do
			for tool in $(order "$i"); do
				[[ -n ${last_cache[$tool]:-} ]] && rm -rf "${last_cache[$tool]}"
				cache=$(mktemp -d "$out/gocache.$tree.$tool.XXXXXX")
				last_cache[$tool]=$cache
				timed "$tree" "$tool" "cold$i" "$cache" "$dir"
			done
		done
	else
		last_cache[noop]=$(mktemp -d "$out/gocache.$tree.noop.XXXXXX")
		log "$tree: filling a cache with an untimed noop run"
		(cd "$dir" && GOCACHE=${last_cache[noop]} go vet -vettool="$out/bin/noop" ./... >"$out/logs/$tree.noop.fill.out" 2>&1)
	fi
	# Compile-cached runs, in a copy of noop's last cold cache (the warm runs
	# below reuse the original).
	cached=$(mktemp -d "$out/gocache.$tree.cached.XXXXXX")
	cp -a "${last_cache[noop]}/." "$cached"
	for ((i = 1; i <= runs; i++)); do
		for tool in $(order "$i"); do
			cp "$out/bin/$tool" "$out/bin/$tool.cached$i"
			printf 'credlint bench %s %s' "$i" "$(date +%s%N)" >>"$out/bin/$tool.cached$i"
			timed "$tree" "$tool" "cached$i" "$cached" "$dir" "$out/bin/$tool.cached$i"
		done
	done
	rm -rf "$cached"
	if ((warm)); then
		for tool in "${tools[@]}"; do
			touch "$edit"
			timed "$tree" "$tool" touch "${last_cache[$tool]}" "$dir"
			cp "$edit" "$edit.orig"
			printf '\n// credlint bench: warm edit %s\n' "$(date +%s%N)" >>"$edit"
			timed "$tree" "$tool" edit "${last_cache[$tool]}" "$dir"
			mv "$edit.orig" "$edit"
		done
	fi
	for tool in "${!last_cache[@]}"; do rm -rf "${last_cache[$tool]}"; done
	unset last_cache
done
log "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

{
	table "$out"
	echo
	echo "One invocation of bench/run.sh, $runs run(s) of each kind per tree and tool, $(nproc) cores; load average at end $(cut -d' ' -f1-3 /proc/loadavg). Raw numbers in $results, logs in $out/logs."
} | tee "$out/table.md"
