#!/usr/bin/env bash
# Validates credlint's SARIF output with Microsoft's SARIF multitool and
# GitHub's ingestion rules, the checks GitHub code scanning applies to an
# upload (`Sarif.Multitool validate --rule-kind "Gh;Sarif"`), and fails on
# any error. Warnings are counted, not fatal.
#
#   scripts/sarif-multitool.sh              build credlint, write the SARIF of
#                                           cmd/credlint/testdata/ci (the golden
#                                           test's program, with its baseline),
#                                           examples/profileserver and
#                                           testdata/realdeps, and validate them
#   scripts/sarif-multitool.sh FILE...      validate these SARIF files
#
# The multitool is the Linux x86-64 build from the npm registry
# (@microsoft/sarif-multitool-linux, a self-contained .NET program),
# installed once into ~/.cache/credlint (or $CREDLINT_CACHE). It needs npm,
# and no .NET runtime.
set -euo pipefail
cd "$(dirname "$0")/.."

version=5.7.0
cache=${CREDLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/credlint}
prefix=$cache/sarif-multitool-$version
tool=$prefix/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
	echo "sarif-multitool.sh: the multitool's npm build runs on Linux x86-64 only" >&2
	exit 1
fi
if [ ! -x "$tool" ]; then
	echo "sarif-multitool.sh: installing @microsoft/sarif-multitool-linux@$version into $prefix" >&2
	mkdir -p "$prefix"
	npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error \
		"@microsoft/sarif-multitool-linux@$version" >&2
	chmod u+x "$tool"
fi
# The tool needs ICU unless told to use the invariant culture.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
	GOWORK=$PWD/go.work go build -o "$work/credlint" ./cmd/credlint
	run() { # run NAME DIR ARGS...: credlint -format=sarif in DIR into $work/NAME.sarif
		local name=$1 dir=$2
		shift 2
		local status=0 gowork=$PWD/go.work
		# A module of its own (testdata) is not in the checkout's
		# workspace (go.work): the go command runs there with GOWORK=off.
		if [ -f "$dir/go.mod" ]; then gowork=off; fi
		(cd "$dir" && GOWORK=$gowork "$work/credlint" -format=sarif "$@" ./... >"$work/$name.sarif") || status=$?
		if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
			echo "sarif-multitool.sh: credlint failed on $dir (exit $status)" >&2
			exit 1
		fi
		files+=("$work/$name.sarif")
	}
	run ci cmd/credlint/testdata/ci -baseline=credlint.baseline
	run profileserver examples/profileserver
	run realdeps testdata/realdeps
fi

errors=0
for f in "${files[@]}"; do
	out=$("$tool" validate --rule-kind "Gh;Sarif" "$f" 2>&1) || {
		echo "$out" >&2
		echo "sarif-multitool.sh: the multitool failed on $f" >&2
		exit 1
	}
	errs=$(grep -E ': error [A-Z]+[0-9]+: ' <<<"$out" || true)
	nerr=$(grep -c . <<<"$errs" || true)
	nwarn=$(grep -cE ': warning [A-Z]+[0-9]+: ' <<<"$out" || true)
	echo "$(basename "$f"): $nerr errors, $nwarn warnings (Gh;Sarif rules, multitool $version)"
	if [ "$nerr" -gt 0 ]; then
		echo "$errs"
		errors=$((errors + nerr))
	fi
done
if [ "$errors" -gt 0 ]; then
	echo "sarif-multitool.sh: $errors errors" >&2
	exit 1
fi
