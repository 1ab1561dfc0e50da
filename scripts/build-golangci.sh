#!/usr/bin/env bash
# Builds a custom golangci-lint with credlint's module plugin, offline, and
# prints the path of the binary on stdout (progress goes to stderr).
#
#     scripts/build-golangci.sh        # build, or reuse the cached binary
#     scripts/build-golangci.sh -f     # rebuild even if cached
#
# It does what `golangci-lint custom` does with the .custom-gcl.yml of the
# README, except that `golangci-lint custom` clones golangci-lint from
# GitHub, and this script takes the same source from the Go module proxy,
# the only network CI has:
#
#   1. go mod download -json github.com/golangci/golangci-lint/v2@VERSION,
#      then copy the source out of the read-only module cache;
#   2. write cmd/golangci-lint/plugins.go with a blank import of
#      github.com/credlint/credlint/plugin/golangci;
#   3. go mod edit -require/-replace credlint's module to this checkout
#      (and the other modules of its go.work, such as ./profileenv, which
#      the golangci-lint module would otherwise take from the proxy);
#   4. go mod tidy, then go build ./cmd/golangci-lint.
#
# Building takes several minutes on two cores, so the binary is cached as
#
#     ${CREDLINT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/credlint}/golangci-lint-VERSION-KEY
#
# where KEY hashes the golangci-lint version, the Go version and platform,
# this script, credlint's go.work, go.mod and go.sum, and every source file compiled
# into the plugin (the plugin package and all credlint packages it
# imports), so any change to the analyzer rebuilds. The newest three
# binaries are kept.
#
# Environment: GOLANGCI_LINT_VERSION (default v2.15.0), CREDLINT_CACHE_DIR,
# CREDLINT_KEEP_WORK=1 keeps the temporary checkout for inspection.
set -euo pipefail

version=${GOLANGCI_LINT_VERSION:-v2.15.0}
golangci=github.com/golangci/golangci-lint/v2
plugin=github.com/credlint/credlint/plugin/golangci
force=0
case "${1:-}" in
-f) force=1 ;;
"") ;;
*)
	echo "usage: $0 [-f]" >&2
	exit 2
	;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${CREDLINT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/credlint}
# The build must not pick up a go.work around the checkout, nor download a
# newer toolchain: the module proxy is for the modules. The questions about
# this checkout are asked in its workspace (go.work), as a developer would.
export GOWORK=off GOTOOLCHAIN=local
inroot() { (cd "$root" && GOWORK="$root/go.work" "$@"); }
log() { echo "build-golangci: $*" >&2; }

# The files compiled into the plugin: every credlint package it imports,
# from any module of the workspace (./profileenv too), with its Go and
# embedded files.
plugin_files() {
	inroot go list -deps -f \
		'{{if .Module}}{{if or .Module.Main .Module.Replace}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}
{{end}}{{end}}{{end}}' "$plugin" | grep -v '^$' | sort
}

# The other modules of the workspace ("path dir" lines): profileenv, and
# the adapters when there are some.
locals=$(inroot go list -m -f '{{if ne .Dir "'"$root"'"}}{{.Path}} {{.Dir}}{{end}}' | grep -v '^$' || true)

key=$(
	{
		echo "$version $(go env GOVERSION GOOS GOARCH)"
		sha256sum "$root/scripts/build-golangci.sh" "$root/go.work" "$root/go.mod" "$root/go.sum"
		echo "$locals" | while read -r _ dir; do
			if [ -n "$dir" ]; then sha256sum "$dir/go.mod"; fi
		done
		plugin_files | while read -r f; do sha256sum "$f"; done
	} | sed "s|$root/||" | sha256sum | cut -c1-16
)
mkdir -p "$cache"
bin=$cache/golangci-lint-$version-$key

if [ "$force" = 0 ] && [ -x "$bin" ]; then
	log "cached: $bin"
	echo "$bin"
	exit 0
fi

# One build at a time per cache: a second caller waits, then finds the
# binary the first one built.
exec 9>"$cache/.build.lock"
if command -v flock >/dev/null; then
	flock 9
	if [ "$force" = 0 ] && [ -x "$bin" ]; then
		log "cached: $bin"
		echo "$bin"
		exit 0
	fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/credlint-golangci.XXXXXX")
if [ "${CREDLINT_KEEP_WORK:-}" = 1 ]; then
	log "keeping $work"
else
	trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fi
start=$(date +%s)

# 1. The source, from the module proxy. go mod download -json prints the
#    module's directory in the (read-only) module cache.
log "downloading $golangci@$version"
src=$(cd "$work" && go mod download -json "$golangci@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
if [ -z "$src" ] || [ ! -f "$src/go.mod" ]; then
	log "go mod download did not give a source directory for $golangci@$version"
	exit 1
fi
repo=$work/golangci-lint
cp -R "$src" "$repo"
chmod -R u+w "$repo"

# 2. The plugin import, as golangci-lint custom writes it.
cat >"$repo/cmd/golangci-lint/plugins.go" <<EOF
package main

// This file is used to declare module plugins.

import (
	_ "$plugin"
)
EOF

# 3. credlint from this checkout, and the other modules of its workspace
#    (with absolute paths).
edits=(-require=github.com/credlint/credlint@v0.0.0 -replace=github.com/credlint/credlint="$root")
while read -r mod dir; do
	if [ -n "$mod" ]; then edits+=(-replace="$mod=$dir"); fi
done <<<"$locals"
(cd "$repo" && go mod edit "${edits[@]}")

# 4. Tidy and build, with the -ldflags of golangci-lint custom.
log "go mod tidy"
(cd "$repo" && go mod tidy)
tools=$(cd "$repo" && go list -m -f '{{.Version}}' golang.org/x/tools)
log "golang.org/x/tools in the build: $tools (credlint requires $(inroot go list -m -f '{{.Version}}' golang.org/x/tools))"
log "go build ./cmd/golangci-lint (several minutes on two cores)"
(cd "$repo" && go build -trimpath \
	-ldflags "-s -w -X 'main.version=$version-credlint-$key' -X 'main.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)'" \
	-o "$work/golangci-lint.bin" ./cmd/golangci-lint)

# Copy, then rename within the cache, so nobody sees a half-written binary.
cp "$work/golangci-lint.bin" "$bin.tmp$$"
mv -f "$bin.tmp$$" "$bin"
log "built $bin in $(($(date +%s) - start))s ($(du -h "$bin" | cut -f1))"

# Keep the newest three binaries.
ls -1t "$cache"/golangci-lint-* 2>/dev/null | tail -n +4 | while read -r old; do rm -f "$old"; done
echo "$bin"
