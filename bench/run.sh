#!/usr/bin/env bash
# bench/run.sh: what credlint costs, on real module trees of three sizes.
#
# Usage:
#   bench/run.sh [-n RUNS] [-t TREES] [-o OUTDIR] [-W] [-s] [-S] [-V]
#   bench/run.sh -R OUTDIR
#
#   -n RUNS    runs of every measurement per tree and tool (default 3); the
#              tables show the median and the min–max
#   -t TREES   comma-separated trees (default small,medium,large):
#                small    github.com/spf13/cobra@v1.10.1
#                medium   github.com/labstack/echo/v4@v4.13.4
#                large    github.com/caddyserver/caddy/v2@v2.11.9
#                lego     github.com/go-acme/lego/v5@v5.6.0 (445 of its
#                         471 packages: see below)
#                realdeps testdata/realdeps of this repository
#              or MODULE@VERSION, or the directory of a Go module. A module
#              is fetched through the module proxy (`go mod download -json`)
#              and copied out of the module cache into a scratch directory.
#              When some packages of a tree do not load (the proxy does
#              not serve a module they need: it answers 403 for 21 of
#              lego's), every "./..." below stands for the packages of
#              ./... that load with their tests (go list -e -test), the
#              log and the tables say how many of how many.
#   -o OUTDIR  where binaries, trees, logs and the tables go (default: a new
#              directory under ${TMPDIR:-/tmp}); kept at the end. Give it a
#              directory of its own: the gocache.* and xdg.* directories an
#              interrupted run left in it are removed
#   -W         skip the warm reruns under go vet
#   -s         skip the cold go vet runs (and so the warm ones): fill a
#              cache with one untimed noop run, time only the compile-cached
#              runs and the standalone tools
#   -S         skip the standalone tools (credlint, staticcheck, go vet)
#   -V         skip the noop/credlint comparison under go vet -vettool
#              (part 1): time only the standalone tools of part 2, in a
#              cache one untimed noop run filled
#   -R OUTDIR  print the tables of an earlier run in OUTDIR again, and exit
#
# Part 1, under go vet -vettool, for two vet tools:
#   - credlint (./cmd/credlint), and
#   - noop (./bench/noop): one analyzer with no facts that reports nothing.
#     unitchecker still parses and type-checks every package of the build
#     graph and writes its export data for the importers, and go vet still
#     compiles the dependencies: that is the floor every vet tool pays.
#
# cold: `go vet -vettool=TOOL ./...` in the tree with a fresh, empty GOCACHE
# (the standard library and every dependency compiled and analysed again).
# The two tools alternate (noop first on odd rounds, credlint first on even
# ones) so that load from other processes falls on both alike.
#
# compile cached: the same go vet in a copy of noop's last cold GOCACHE, which
# holds every compiled package, with the tool rebuilt with a new build ID
# (see rebuild): go vet keys vet results on the tool's ID, so every package
# is analysed again while every compile is a cache hit. This is
# the vet tool's own cost (plus the go command's), which a cold run buries
# under compilation.
#
# warm, RUNS times per tool, in the GOCACHE of the tool's last cold run:
#   - touch: `touch` one file of the tree's main module and rerun. The go
#     command keys its cache on file contents, so this is the no-change rerun.
#   - edit: append a comment line to that file, rerun, then restore the file:
#     the package is vetted again, its importers only if its output changed.
#
# Part 2, the standalone tools, each in a fresh copy of a GOCACHE that holds
# every compiled package (noop's, completed with `go list -deps -test
# -export ./...`, untimed, which compiles the test packages that go vet
# never compiles and staticcheck needs), with a fresh cache directory of its
# own (XDG_CACHE_HOME and STATICCHECK_CACHE, where staticcheck keeps its
# results):
#   - credlint-sa: the standalone `credlint -engine=vet ./...` (the default
#     engine, without its fallback to the in-process one), which runs go vet with
#     credlint's units printing their parts of the findings and merges
#     them (cmd/credlint/vetengine.go): go's cache serves reruns;
#   - credlint-inproc: `credlint -engine=process ./...`, the in-process
#     engine (go/packages, every package from source, no cache);
#   - staticcheck: `staticcheck ./...` (honnef.co/go/tools v0.7.0, installed
#     into OUTDIR/bin from the module proxy);
#   - go-vet: `go vet ./...` with its default analyzers;
#   - credlint-vet: `go vet -vettool=credlint ./...`, the per-package
#     findings as go vet prints them.
# first: the first run in those caches; rerun: a second run with nothing
# changed; edit: after appending a comment line to the edited file.
#
# Every run is timed with /usr/bin/time -v: wall time, CPU time (user+sys of
# the whole process tree) and peak RSS (ru_maxrss: the largest single
# process, a compile or one tool run, not the sum of concurrent ones).
#
# Sizes: "lines" are the lines of the .go files the build graph of
# `go vet ./...` reads (go list -deps -test): the main module's (its tests
# included), other modules', and the standard library's. "packages analysed"
# is the number of times go vet runs the vet tool (`go vet -n`). "facts" is
# the total size of the facts parts of the .vetx files of credlint's first
# compile-cached run (bench/vetxsize) and the number of packages with facts.
#
# Results: OUTDIR/results.tsv (one line per timed run), OUTDIR/meta.tsv (one
# line per tree), and OUTDIR/tables.md, rendered by bench/benchtable. A run
# that exits with a status its tool does not use for findings is left out
# of the medians, and the tables say so. A tree that does not build (noop's
# go vet fails) stops the script: go vet's exit status 1 could no longer be
# told from findings.
# Compare ratios only within one invocation: the machine is shared.
#
# Requirements: go, /usr/bin/time (GNU time; `apt-get install -y time`), and
# the Go module proxy.
#
# Example: bench/run.sh -o /tmp/credlint-bench
set -euo pipefail

runs=3
trees=small,medium,large
out=
warm=1
cold=1
vettool=1
standalone=1
rerender=
while getopts "n:t:o:WsSVR:h" opt; do
	case $opt in
	n) runs=$OPTARG ;;
	t) trees=$OPTARG ;;
	o) out=$OPTARG ;;
	W) warm=0 ;;
	s) cold=0 warm=0 ;;
	S) standalone=0 ;;
	V) vettool=0 cold=0 warm=0 ;;
	R) rerender=$OPTARG ;;
	h)
		sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if ((!vettool && !standalone)); then
	echo "run.sh: -V and -S together leave nothing to time" >&2
	exit 2
fi
if [[ $# -gt 0 ]]; then
	echo "run.sh: unexpected arguments: $*" >&2
	exit 2
fi
if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
	echo "run.sh: -n wants a positive number, got $runs" >&2
	exit 2
fi

repo=$(cd "$(dirname "$0")/.." && pwd)
# The trees measured are modules of their own (some inside this
# repository: testdata/realdeps): the go command runs in them with
# GOWORK=off, and in this repository with its workspace (go.work).
export GOWORK=off
IFS=, read -r -a tree_list <<<"$trees"

# tree_name SPEC: the short name of a tree in the tables and file names.
tree_name() {
	local p
	case $1 in
	small | medium | large | lego | realdeps) echo "$1" ;;
	*@*)
		p=${1%@*}
		[[ $p =~ /v[0-9]+$ ]] && p=${p%/*} # github.com/go-chi/chi/v5 is "chi"
		basename "$p"
		;;
	*) basename "$(cd "$1" && pwd)" ;;
	esac
}

if [[ -n $rerender ]]; then
	rerender=$(cd "$rerender" && pwd)
	(cd "$repo" && GOWORK="$repo/go.work" go run ./bench/benchtable "$rerender")
	exit 0
fi

if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -v true >/dev/null 2>&1; then
	echo "run.sh: GNU time is missing: /usr/bin/time -v is needed for wall time and peak RSS." >&2
	echo "run.sh: install it with: apt-get install -y time" >&2
	exit 1
fi

declare -A seen_tree=()
for spec in "${tree_list[@]}"; do
	case $spec in
	small | medium | large | lego | realdeps | *@*) ;;
	*)
		if [[ ! -f $spec/go.mod ]]; then
			echo "run.sh: unknown tree $spec (want small, medium, large, lego, realdeps, MODULE@VERSION or a module directory)" >&2
			exit 2
		fi
		;;
	esac
	name=$(tree_name "$spec")
	if [[ -n ${seen_tree[$name]:-} ]]; then
		echo "run.sh: two trees would be called $name ($spec): measure them in separate runs" >&2
		exit 2
	fi
	seen_tree[$name]=1
done

out=${out:-$(mktemp -d "${TMPDIR:-/tmp}/credlint-bench.XXXXXX")}
mkdir -p "$out"/bin "$out"/logs "$out"/trees
out=$(cd "$out" && pwd)
results=$out/results.tsv
: >"$results"
: >"$out/meta.tsv"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# On any exit: put back the file the runs edit, and remove the caches.
edit=
cleanup() {
	if [[ -n $edit && -f $out/edit.orig ]]; then
		cp "$out/edit.orig" "$edit"
	fi
	rm -rf "$out"/gocache.* "$out"/xdg.* "$out/edit.orig" "$out"/bin/*.cached[0-9]*
}
trap cleanup EXIT
cleanup # leftovers of an interrupted run in the same OUTDIR

log "output in $out"
log "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; $(go version)"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
log "credlint at $(cd "$repo" && git describe --always --dirty 2>/dev/null || echo unknown)"

# Build the tools with the ordinary cache; building is not timed.
(cd "$repo" && GOWORK="$repo/go.work" go build -o "$out/bin/credlint" ./cmd/credlint)
(cd "$repo" && GOWORK="$repo/go.work" go build -o "$out/bin/noop" ./bench/noop)
(cd "$repo" && GOWORK="$repo/go.work" go build -o "$out/bin/vetxsize" ./bench/vetxsize)
if ((standalone)); then
	(cd "$out" && GOBIN=$out/bin go install honnef.co/go/tools/cmd/staticcheck@v0.7.0)
fi

# fetch MODULE@VERSION DEST: a copy of the module's tree, writable.
fetch() {
	local src
	src=$(cd "$out" && go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	if [[ -z $src || ! -d $src ]]; then
		echo "run.sh: go mod download did not give a directory for $1" >&2
		exit 1
	fi
	rm -rf "$2"
	cp -r "$src" "$2"
	chmod -R u+w "$2"
}

# prepare_tree SPEC: sets tree (a short name), dir (the copy measured),
# label (what the tables call it) and edit (the file the warm runs change).
prepare_tree() {
	local mod=
	case $1 in
	small) mod=github.com/spf13/cobra@v1.10.1 ;;
	medium) mod=github.com/labstack/echo/v4@v4.13.4 ;;
	large) mod=github.com/caddyserver/caddy/v2@v2.11.9 ;;
	lego) mod=github.com/go-acme/lego/v5@v5.6.0 ;;
	*@*) mod=$1 ;;
	esac
	tree=$(tree_name "$1")
	dir=$out/trees/$tree
	if [[ -n $mod ]]; then
		fetch "$mod" "$dir"
		label=$mod
	elif [[ $1 == realdeps ]]; then
		rm -rf "$dir"
		cp -r "$repo/testdata/realdeps" "$dir"
		label=testdata/realdeps
	else
		rm -rf "$dir"
		cp -r "$1" "$dir"
		chmod -R u+w "$dir"
		label=$(basename "$1")
	fi
	if ! (cd "$dir" && go mod download) 2>"$out/logs/$tree.download.out"; then
		log "$tree: go mod download failed for some modules (see $out/logs/$tree.download.out)"
	fi
	loadable_packages "$dir"
	[[ -n $pkgs_note ]] && label="$label ($pkgs_note)"
	# A Go file of the module's root package, or else of the first package.
	edit=
	if [[ ${pkgs[0]} == ./... ]]; then
		edit=$(cd "$dir" && go list -f '{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}' . 2>/dev/null | sed -n 1p || true)
	fi
	if [[ -z $edit ]]; then
		edit=$(cd "$dir" && go list -f '{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}' "${pkgs[@]}" | sed -n 1p || true)
	fi
	if [[ -z $edit ]]; then
		echo "run.sh: $1 has no Go files to edit for the warm runs" >&2
		exit 1
	fi
}

# loadable_packages DIR: sets pkgs, the packages measured: (./...) when
# every package of ./... loads with its tests, else the import paths of
# those that do (a package is left out when any of its variants, the test
# ones included, has an error of its own or of a dependency), and
# pkgs_note, which says so for the log and the tables.
loadable_packages() {
	local all bad
	all=$(cd "$1" && go list -e -f '{{.ImportPath}}' ./... 2>/dev/null | sort -u)
	bad=$(cd "$1" && go list -e -test -f '{{if or .Error .DepsErrors}}{{.ImportPath}}{{end}}' ./... 2>/dev/null |
		sed '/^$/d; s/ \[.*//; s/\.test$//; s/_test$//' | sort -u)
	pkgs=(./...)
	pkgs_note=
	if [[ -n $bad ]]; then
		mapfile -t pkgs < <(comm -23 <(echo "$all") <(echo "$bad"))
		if ((${#pkgs[@]} == 0)); then
			echo "run.sh: no package of $1 loads with its tests" >&2
			exit 1
		fi
		pkgs_note="${#pkgs[@]} of $(wc -l <<<"$all") packages, the others do not load"
		log "$tree: $pkgs_note: $(tr '\n' ' ' <<<"$bad")"
	fi
}

# count_units DIR: how many times go vet runs the vet tool in DIR.
count_units() {
	local g n
	g=$(mktemp -d "$out/gocache.count.XXXXXX")
	n=$(cd "$1" && GOCACHE=$g go vet -n -vettool="$out/bin/noop" "${pkgs[@]}" 2>&1 | grep -c "$out/bin/noop ")
	rm -rf "$g"
	echo "$n"
}

# count_lines DIR: "MAIN DEP STD", the lines of the .go files that the build
# graph of go vet ./... reads: the main module's (with its tests), other
# modules', the standard library's. Files the go command generates (test
# mains, under GOCACHE) are not counted.
count_lines() {
	(cd "$1" && go list -deps -test -f '{{$d := .Dir}}{{$k := "dep"}}{{if .Standard}}{{$k = "std"}}{{else if and .Module .Module.Main}}{{$k = "main"}}{{end}}{{range .GoFiles}}{{if ne (slice . 0 1) "/"}}{{$k}} {{$d}}/{{.}}{{"\n"}}{{end}}{{end}}{{range .CgoFiles}}{{$k}} {{$d}}/{{.}}{{"\n"}}{{end}}{{if eq $k "main"}}{{range .TestGoFiles}}{{$k}} {{$d}}/{{.}}{{"\n"}}{{end}}{{range .XTestGoFiles}}{{$k}} {{$d}}/{{.}}{{"\n"}}{{end}}{{end}}' "${pkgs[@]}") |
		sort -u -k2 | while read -r kind file; do
		printf '%s %s\n' "$kind" "$(wc -l <"$file")"
	done | awk '{s[$1] += $2} END {printf "%d %d %d\n", s["main"], s["dep"], s["std"]}'
}

# timed TREE TOOL KIND ROUND GOCACHE DIR CMD...: runs CMD in DIR once under
# /usr/bin/time -v with GOCACHE and a cache directory of its own
# ($xdg, for staticcheck), and appends a line to results.tsv: tree, tool,
# kind, round, wall s, user s, sys s, max RSS KiB, GOCACHE bytes (cold
# runs), facts bytes and packages with facts (credlint's first
# compile-cached run), exit status.
timed() {
	local tree=$1 tool=$2 kind=$3 round=$4 cache=$5 dir=$6 base rc=0 load
	shift 6
	base=$out/logs/$tree.$tool.$kind$round
	load=$(cut -d' ' -f1 /proc/loadavg)
	log "$tree $tool $kind $round (load $load)"
	(cd "$dir" && GOCACHE=$cache XDG_CACHE_HOME=${xdg:-$cache.xdg} STATICCHECK_CACHE=${xdg:-$cache.xdg}/staticcheck \
		/usr/bin/time -v -o "$base.time" "$@" >"$base.out" 2>&1) || rc=$?
	# go vet exits 1 when a vet tool reports findings, and also when a
	# package does not build (must_build stops at that); staticcheck exits
	# 1, standalone credlint 3 for findings. Anything else is a failed run,
	# which bench/benchtable leaves out and lists. What a tool printed is
	# in $base.out.
	local wall user sys rss size=- facts=- withfacts=- sizes=
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$base.time")
	user=$(awk -F': ' '/User time/ {print $2}' "$base.time")
	sys=$(awk -F': ' '/System time/ {print $2}' "$base.time")
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$base.time")
	if [[ $kind == cold ]]; then
		size=$(du -sb "$cache" | cut -f1)
	fi
	if [[ $kind == cached && $round == 1 && $tool == credlint ]]; then
		# The cache holds noop's .vetx files (no facts) and this run's.
		sizes=$("$out/bin/vetxsize" "$cache")
		echo "$sizes" >"$base.vetx"
		facts=$(sed -n 's/.* facts_bytes=\([0-9]*\).*/\1/p' <<<"$sizes")
		withfacts=$(sed -n 's/.* facts_nonempty=\([0-9]*\).*/\1/p' <<<"$sizes")
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tree" "$tool" "$kind" "$round" "$wall" "$user" "$sys" "$rss" "$size" "$facts" "$withfacts" "$rc" >>"$results"
	log "  wall ${wall}s, cpu $(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')s, peak RSS $((rss / 1024)) MiB, exit $rc${sizes:+; $sizes}"
}

# must_build TREE TOOL RUN: stops the script when noop's go vet run failed:
# noop reports nothing, so its failure is a tree that does not build, and
# the exit status 1 of the other tools could no longer be told from
# findings.
must_build() {
	local rc
	rc=$(tail -1 "$results" | cut -f12)
	if [[ $2 == noop && $rc != 0 ]]; then
		echo "run.sh: $1 does not build: go vet -vettool=noop exited $rc (see $out/logs/$1.noop.$3.out)" >&2
		exit 1
	fi
}

# rebuild TOOL BINARY: TOOL built again with an -X linker flag that no
# variable has, which changes its build ID: go vet keys vet results on the
# tool's ID (credlint's -V=full prints its Go build ID, noop's the SHA-256
# of the file), so every package is analysed again.
rebuild() {
	local pkg=./cmd/credlint
	[[ $1 == noop ]] && pkg=./bench/noop
	(cd "$repo" && GOWORK="$repo/go.work" go build -ldflags="-X=main.benchRebuild=$(date +%s%N)" -o "$2" "$pkg")
}

# vet TREE TOOL KIND ROUND GOCACHE DIR [BINARY]: go vet -vettool, timed.
vet() {
	local bin=${7:-$out/bin/$2}
	timed "$1" "$2" "$3" "$4" "$5" "$6" go vet -vettool="$bin" "${pkgs[@]}"
}

# order I A B: A and B, A first on odd rounds.
order() { if (($1 % 2 == 1)); then echo "$2 $3"; else echo "$3 $2"; fi; }

# append_edit FILE: appends a comment line that differs on every call.
append_edit() { printf '\n// credlint bench: edit %s\n' "$(date +%s%N)" >>"$1"; }

for spec in "${tree_list[@]}"; do
	prepare_tree "$spec"
	units=$(count_units "$dir")
	read -r main_lines dep_lines std_lines <<<"$(count_lines "$dir")"
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tree" "$label" "$units" "$main_lines" "$dep_lines" "$std_lines" >>"$out/meta.tsv"
	log "$tree: $label in $dir, $units packages analysed per run; lines: main module $main_lines, other modules $dep_lines, standard library $std_lines; edits: ${edit#"$dir"/}"
	declare -A last_cache=()
	if ((cold)); then
		for ((i = 1; i <= runs; i++)); do
			for tool in $(order "$i" noop credlint); do
				[[ -n ${last_cache[$tool]:-} ]] && rm -rf "${last_cache[$tool]}" "${last_cache[$tool]}.xdg"
				cache=$(mktemp -d "$out/gocache.$tree.$tool.XXXXXX")
				last_cache[$tool]=$cache
				vet "$tree" "$tool" cold "$i" "$cache" "$dir"
				must_build "$tree" "$tool" "cold$i"
			done
		done
	else
		last_cache[noop]=$(mktemp -d "$out/gocache.$tree.noop.XXXXXX")
		log "$tree: filling a cache with an untimed noop run"
		if ! (cd "$dir" && GOCACHE=${last_cache[noop]} go vet -vettool="$out/bin/noop" "${pkgs[@]}" >"$out/logs/$tree.noop.fill.out" 2>&1); then
			echo "run.sh: $tree does not build: go vet -vettool=noop failed (see $out/logs/$tree.noop.fill.out)" >&2
			exit 1
		fi
	fi
	if ((vettool)); then
		# Compile-cached runs, in a copy of noop's last cold cache.
		cached=$(mktemp -d "$out/gocache.$tree.cached.XXXXXX")
		cp -a "${last_cache[noop]}/." "$cached"
		sync
		for ((i = 1; i <= runs; i++)); do
			for tool in $(order "$i" noop credlint); do
				rebuild "$tool" "$out/bin/$tool.cached$i"
				vet "$tree" "$tool" cached "$i" "$cached" "$dir" "$out/bin/$tool.cached$i"
				rm -f "$out/bin/$tool.cached$i"
			done
		done
		rm -rf "$cached" "$cached.xdg"
	fi
	if ((warm)); then
		cp "$edit" "$out/edit.orig"
		for ((i = 1; i <= runs; i++)); do
			for tool in $(order "$i" noop credlint); do
				touch "$edit"
				vet "$tree" "$tool" touch "$i" "${last_cache[$tool]}" "$dir"
				append_edit "$edit"
				vet "$tree" "$tool" edit "$i" "${last_cache[$tool]}" "$dir"
				cp "$out/edit.orig" "$edit"
			done
		done
		rm -f "$out/edit.orig"
	fi
	if ((standalone)); then
		# Compile what go vet never compiles (test packages, x_test
		# packages) but staticcheck's go list -export does, untimed.
		# The flags are those go/packages gives go list for staticcheck.
		if ! (cd "$dir" && GOCACHE=${last_cache[noop]} go list -e -deps -test -export -compiled -buildvcs=false -pgo=off "${pkgs[@]}" >/dev/null 2>"$out/logs/$tree.export.out"); then
			echo "run.sh: $tree: go list -export failed (see $out/logs/$tree.export.out)" >&2
			exit 1
		fi
		cp "$edit" "$out/edit.orig"
		for ((i = 1; i <= runs; i++)); do
			for tool in credlint-sa credlint-inproc staticcheck go-vet credlint-vet; do
				case $tool in
				credlint-sa) cmd=("$out/bin/credlint" -engine=vet "${pkgs[@]}") ;;
				credlint-inproc) cmd=("$out/bin/credlint" -engine=process "${pkgs[@]}") ;;
				staticcheck) cmd=("$out/bin/staticcheck" "${pkgs[@]}") ;;
				go-vet) cmd=(go vet "${pkgs[@]}") ;;
				credlint-vet) cmd=(go vet -vettool="$out/bin/credlint" "${pkgs[@]}") ;;
				esac
				cache=$(mktemp -d "$out/gocache.$tree.$tool.XXXXXX")
				cp -a "${last_cache[noop]}/." "$cache"
				xdg=$(mktemp -d "$out/xdg.$tree.$tool.XXXXXX")
				sync # the copy's writeback is not timed
				timed "$tree" "$tool" first "$i" "$cache" "$dir" "${cmd[@]}"
				timed "$tree" "$tool" rerun "$i" "$cache" "$dir" "${cmd[@]}"
				append_edit "$edit"
				timed "$tree" "$tool" edit "$i" "$cache" "$dir" "${cmd[@]}"
				cp "$out/edit.orig" "$edit"
				rm -rf "$cache" "$xdg"
				unset xdg
			done
		done
		rm -f "$out/edit.orig"
	fi
	for tool in "${!last_cache[@]}"; do rm -rf "${last_cache[$tool]}" "${last_cache[$tool]}.xdg"; done
	unset last_cache
done
log "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

{
	(cd "$repo" && GOWORK="$repo/go.work" go run ./bench/benchtable "$out")
	echo
	echo "One invocation of bench/run.sh, $runs run(s) of each kind per tree and tool, $(nproc) cores; load average at end $(cut -d' ' -f1-3 /proc/loadavg). Raw numbers in $results, logs in $out/logs."
} | tee "$out/tables.md"
