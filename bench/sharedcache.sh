#!/usr/bin/env bash
# bench/sharedcache.sh: two CI "runners" sharing credlint's work through
# one build cache server (issue 15, "Beyond one machine").
#
# Usage: bench/sharedcache.sh [-n ROUNDS] [-t TREE] [-o OUTDIR] [-k SECONDS]
#
#   -n ROUNDS   rounds (default 2); each has its own empty server
#   -t TREE     large (github.com/caddyserver/caddy/v2@v2.11.9, default),
#               medium (echo), small (cobra) or MODULE@VERSION, fetched
#               through the module proxy as bench/run.sh does
#   -o OUTDIR   where binaries, the tree, logs and findings go (default: a
#               new directory under ${TMPDIR:-/tmp}); kept at the end
#   -k SECONDS  after the rounds, the outage run: a third runner whose
#               server is killed SECONDS into its run (default: half of
#               the last round's runner 2); 0 skips it
#
# The cache program is go-cacher and the server gocached, both from
# github.com/bradfitz/go-tool-cache (pinned below), installed with
# `go install` into OUTDIR/bin. A round:
#   1. starts gocached on 127.0.0.1 with an empty directory;
#   2. runner 1: a fresh copy of the tree, an empty GOCACHE, an empty
#      go-cacher directory, GOCACHEPROG="go-cacher -cache-dir=... \
#      -cache-server=http://127.0.0.1:PORT", runs `credlint -format=json
#      ./...` (the default engine, go vet) under /usr/bin/time -v;
#   3. runner 2: the tree removed and copied again at the same path (a
#      fresh checkout: the go command keys compiles on the directory), a
#      new empty GOCACHE and go-cacher directory, the same command;
#   4. compares the two runners' findings (jq -S, sorted) and stops the
#      server.
# Both runners share the module cache (GOMODCACHE), which CI restores on
# its own (actions/setup-go); only the build cache is under test.
#
# The outage run serves again what the last round's runners put, starts
# a third runner the same way, kills the server (SIGKILL) SECONDS into
# the run, and checks the runner's exit status and findings: a gate must
# get runner 1's findings, or an error (exit 1) with no findings printed,
# never a partial result. (With go-cacher, a store that cannot reach the
# server fails the go command: credlint exits 1.)
#
# Prints one line per run: what, wall s, CPU s (user+sys), peak RSS MiB,
# exit status, findings, load average (1 min) before the run, and the
# GOCACHE and go-cacher directory sizes after it; results.tsv holds the
# same. Needs go, jq and GNU time.
set -euo pipefail

cacher_version=v0.0.0-20260722201841-0bb331e19f64
rounds=2 spec=large out= kill_after=
while getopts n:t:o:k:h opt; do
	case $opt in
	n) rounds=$OPTARG ;;
	t) spec=$OPTARG ;;
	o) out=$OPTARG ;;
	k) kill_after=$OPTARG ;;
	h)
		sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*) exit 2 ;;
	esac
done
case $spec in
small) mod=github.com/spf13/cobra@v1.10.1 ;;
medium) mod=github.com/labstack/echo/v4@v4.13.4 ;;
large) mod=github.com/caddyserver/caddy/v2@v2.11.9 ;;
*@*) mod=$spec ;;
*)
	echo "sharedcache.sh: unknown tree $spec" >&2
	exit 2
	;;
esac
for tool in jq /usr/bin/time; do
	command -v "$tool" >/dev/null || {
		echo "sharedcache.sh: $tool is missing (apt-get install -y jq time)" >&2
		exit 1
	}
done

repo=$(cd "$(dirname "$0")/.." && pwd)
# The tree measured is a module of its own: the go command runs in it with
# GOWORK=off, and in this repository with its workspace (go.work).
export GOWORK=off
out=${out:-$(mktemp -d "${TMPDIR:-/tmp}/credlint-sharedcache.XXXXXX")}
mkdir -p "$out"/bin "$out"/logs
out=$(cd "$out" && pwd)
results=$out/results.tsv
: >"$results"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

server_pid=
stop_server() {
	if [[ -n $server_pid ]]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
		server_pid=
	fi
}
trap 'stop_server; rm -rf "$out"/runner.* "$out"/server.*' EXIT

(cd "$repo" && GOWORK="$repo/go.work" go build -o "$out/bin/credlint" ./cmd/credlint)
(cd "$out" && GOBIN=$out/bin go install \
	"github.com/bradfitz/go-tool-cache/cmd/go-cacher@$cacher_version" \
	"github.com/bradfitz/go-tool-cache/cmd/gocached@$cacher_version")

src=$(cd "$out" && go mod download -json "$mod" | jq -r .Dir)
tree=$out/checkout/$(basename "${mod%@*}")
# checkout: a fresh, writable copy of the tree at the same path.
checkout() {
	rm -rf "$tree"
	mkdir -p "$(dirname "$tree")"
	cp -r "$src" "$tree"
	chmod -R u+w "$tree"
}
checkout
(cd "$tree" && go mod download) >"$out/logs/download.out" 2>&1 || log "go mod download failed for some modules (see $out/logs/download.out)"

# start_server NAME: gocached on a free port of 127.0.0.1 with an empty
# directory; sets server_pid and server_url.
start_server() {
	local port dir=$out/server.$1
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	mkdir -p "$dir"
	"$out/bin/gocached" -cache-dir="$dir" -listen="127.0.0.1:$port" >"$out/logs/server.$1.log" 2>&1 &
	server_pid=$!
	server_url=http://127.0.0.1:$port
	for _ in $(seq 100); do
		python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && return 0
		sleep 0.1
	done
	echo "sharedcache.sh: gocached did not start (see $out/logs/server.$1.log)" >&2
	exit 1
}

# runner NAME: one runner's run in a fresh checkout with an empty GOCACHE
# and an empty go-cacher directory; appends a line to results.tsv and
# sets rc and wall.
runner() {
	local name=$1 base=$out/logs/$1 load cache=$out/runner.$1.gocache local_dir=$out/runner.$1.cacher
	checkout
	rm -rf "$cache" "$local_dir"
	mkdir -p "$cache" "$local_dir"
	load=$(cut -d' ' -f1 /proc/loadavg)
	rc=0
	(cd "$tree" && GOCACHE=$cache GOCACHEPROG="$out/bin/go-cacher -cache-dir=$local_dir -cache-server=$server_url" \
		/usr/bin/time -v -o "$base.time" "$out/bin/credlint" -format=json ./... >"$base.json" 2>"$base.err") || rc=$?
	local user sys rss n gocache_mb cacher_mb
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$base.time")
	user=$(awk -F': ' '/User time/ {print $2}' "$base.time")
	sys=$(awk -F': ' '/System time/ {print $2}' "$base.time")
	rss=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$base.time")
	n=$(jq '.findings | length' "$base.json" 2>/dev/null || echo -)
	jq -S '.findings |= sort | .errors |= sort' "$base.json" >"$base.sorted.json" 2>/dev/null || : >"$base.sorted.json"
	gocache_mb=$(du -sm "$cache" | cut -f1)
	cacher_mb=$(du -sm "$local_dir" | cut -f1)
	printf '%s\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" \
		"$rss" "$rc" "$n" "$load" "$gocache_mb" "$cacher_mb" | tee -a "$results"
	rm -rf "$cache" "$local_dir"
}

# same A B: whether runners A and B printed the same findings.
same() {
	if [[ -s $out/logs/$1.sorted.json ]] && cmp -s "$out/logs/$1.sorted.json" "$out/logs/$2.sorted.json"; then
		log "$2: the same findings as $1"
	else
		log "$2: findings DIFFER from $1's (diff $out/logs/$1.sorted.json $out/logs/$2.sorted.json)"
		return 1
	fi
}

log "output in $out; $(nproc) cores; $(go version); credlint at $(cd "$repo" && git describe --always --dirty 2>/dev/null || echo unknown)"
log "tree $mod in $tree"
printf 'run\twall_s\tcpu_s\trss_MiB\texit\tfindings\tload1\tgocache_MiB\tcacher_MiB\n' | tee -a "$results"
status=0
for ((i = 1; i <= rounds; i++)); do
	start_server "r$i"
	runner "r$i.runner1"
	runner "r$i.runner2"
	replay_wall=$wall
	same "r$i.runner1" "r$i.runner2" || status=1
	stop_server
	log "server r$i: $(du -sm "$out/server.r$i" | cut -f1) MiB"
	if ((i < rounds)); then rm -rf "$out/server.r$i"; fi
done

kill_after=${kill_after:-$(awk -v w="$replay_wall" 'BEGIN{printf "%d", (w + 1) / 2}')}
if ((kill_after > 0)); then
	# The last round's server directory, filled by its runner 1, served
	# again, then killed mid-way through a third runner.
	mv "$out/server.r$rounds" "$out/server.outage"
	start_server outage
	(sleep "$kill_after" && log "killing the server (SIGKILL) after ${kill_after}s" && kill -KILL "$server_pid") &
	killer=$!
	runner "outage.runner3"
	wait "$killer" || true
	wait "$server_pid" 2>/dev/null || true
	server_pid=
	log "outage: credlint exited $rc after ${wall}s; stderr: $(grep -c . "$out/logs/outage.runner3.err" || true) lines (first: $(head -c 300 "$out/logs/outage.runner3.err"))"
	# A gate may get the same findings, or an error (exit 1) with no
	# findings printed; anything else is a partial result.
	if [[ $rc == 1 && ! -s $out/logs/outage.runner3.json ]]; then
		log "outage.runner3: an error, no findings printed: a gate fails, it gets no partial result"
	else
		same "r$rounds.runner1" "outage.runner3" || status=1
	fi
fi
exit $status
