#!/usr/bin/env bash
# bench/precision/run.sh: run credlint (standalone) on five real Go programs
# and write one JSON file per program plus a summary of findings per rule.
# docs/precision.md triages every finding this prints.
#
# Usage: bench/precision/run.sh [OUTDIR]   (default: a new directory under ${TMPDIR:-/tmp})
#        SET=2 bench/precision/run.sh [OUTDIR]   the second set (set2/, below)
#        SET=3 bench/precision/run.sh [OUTDIR]   the third set (set3/, laid out as set2/)
#        SET=4 bench/precision/run.sh [OUTDIR]   the fourth set (set4/, laid out as set2/)
#        ONLY=name bench/precision/run.sh [OUTDIR]   one program of the set
#
# The programs are dependencies of this module (go.mod, tools.go); nothing is
# vendored: `go mod download` fetches them through the module proxy. credlint
# is built from this checkout and run once per program, one program at a time
# (each run loads and summarises the program's whole dependency graph, the
# standard library included), with -format=json. Extra credlint flags can be
# passed in CREDLINT_FLAGS (e.g. CREDLINT_FLAGS=-test=false).
#
# repro/ holds one minimal package per kind of false finding the first run
# found on this set; `credlint ./repro/...` from this directory reports no
# `// ok:` line, and the lines marked "still reported" say why (see
# docs/precision.md).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# bench/precision and its projects are modules of their own inside this
# repository: the go command runs in them with GOWORK=off, and in the
# repository with its workspace (go.work).
export GOWORK=off
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/credlint-precision.XXXXXX")}
mkdir -p "$out"

# The second set (SET=2) is five programs no one tuned credlint on, one module
# each under set2/<name> (go.mod, tools.go), so that minimal version selection
# never mixes their dependencies; each is analysed from inside its module.
# The third set (SET=3, set3/<name>) is laid out the same way: three more
# programs no one tuned on (session 14), and the fourth set (SET=4, set4/<name>)
# three more (session 15).
set=${SET:-1}

# name  patterns (import paths, as credlint and go list take them)
projects1=(
  "caddy   github.com/caddyserver/caddy/v2/..."
  "act     github.com/nektos/act/..."
  "ollama  @ollama"
  "kuberay github.com/ray-project/kuberay/ray-operator/..."
  "sops    github.com/getsops/sops/v3/..."
)
projects2=(
  "reviewdog       github.com/reviewdog/reviewdog/..."
  "oauth2proxy     github.com/oauth2-proxy/oauth2-proxy/v7/..."
  "externalsecrets github.com/external-secrets/external-secrets/..."
  "task            github.com/go-task/task/v3/..."
  "miniflux        miniflux.app/v2/..."
)
projects3=(
  "hydra         github.com/ory/hydra/v2/..."
  "vegeta        github.com/tsenart/vegeta/v12/..."
  "cloudsqlproxy github.com/GoogleCloudPlatform/cloud-sql-proxy/v2/..."
)
projects4=(
  "ghcli       github.com/cli/cli/v2/..."
  "externaldns sigs.k8s.io/external-dns/..."
  "traefik     github.com/traefik/traefik/v3/..."
)
case $set in
1) projects=("${projects1[@]}") ;;
2) projects=("${projects2[@]}") ;;
3) projects=("${projects3[@]}") ;;
4) projects=("${projects4[@]}") ;;
*) echo "SET must be 1, 2, 3 or 4" >&2; exit 2 ;;
esac

echo "building credlint from $repo" >&2
(cd "$repo" && GOWORK="$repo/go.work" go build -o "$out/credlint" ./cmd/credlint)

cd "$here"
go build -o "$out/summarize" ./summarize
if [ "$set" = 1 ]; then go mod download; fi

# ollama's llama.cpp and ggml packages are cgo (C++). Their module zip lacks
# the vendor/ headers that llama/llama.cpp/common needs, so from the module
# proxy they do not build, and compiling the rest of llama.cpp for the loader
# takes about 20 minutes on two cores. Analyse every ollama package that does
# not depend on them (the API, the OpenAI and Anthropic compatibility
# middleware, the registry server, the agent and its tools, ...): @ollama.
ollama_patterns() {
  go list -e -f '{{.ImportPath}}{{range .Deps}} {{.}}{{end}}' github.com/ollama/ollama/... |
    awk '{ bad = 0
           for (i = 1; i <= NF; i++)
             if ($i ~ /^github\.com\/ollama\/ollama\/(llama|ml\/backend\/ggml)($|\/)/ || $i ~ /^github\.com\/tree-sitter\//) bad = 1
           if (!bad) print $1 }' | tr '\n' ' '
}

summary=$out/summary.txt
: > "$summary"
start_all=$(date +%s)
for p in "${projects[@]}"; do
  read -r name patterns <<<"$p"
  if [ -n "${ONLY:-}" ] && [ "$name" != "$ONLY" ]; then continue; fi
  shown=$patterns
  if [ "$set" != 1 ]; then
    cd "$here/set$set/$name"
    # A module the proxy no longer fully serves (external-dns' openshift
    # client: its zip is served, its .info is not) fails the download of
    # the whole graph; analyse what loads, and the loader says what does not.
    go mod download || echo "== $name: go mod download failed; analysing what loads" >&2
  fi
  if [ "$patterns" = "@ollama" ]; then
    patterns=$(ollama_patterns)
    shown="github.com/ollama/ollama/... without the cgo llama.cpp/ggml packages and their importers ($(wc -w <<<"$patterns") packages)"
  fi
  echo "== $name: credlint -format=json ${CREDLINT_FLAGS:-} $shown" >&2
  t0=$(date +%s)
  rc=0
  # shellcheck disable=SC2086
  "$out/credlint" -format=json ${CREDLINT_FLAGS:-} $patterns >"$out/$name.json" 2>"$out/$name.stderr" || rc=$?
  t1=$(date +%s)
  # exit 3 = findings; 1 = some package could not be loaded (still analysed the rest)
  {
    echo "== $name ($shown): exit $rc, $((t1 - t0)) s"
    "$out/summarize" "$out/$name.json"
  } | tee -a "$summary"
done
end_all=$(date +%s)
echo "total: $((end_all - start_all)) s" | tee -a "$summary"
echo "results in $out" >&2
