#!/usr/bin/env bash
# The shell steps of the composite action (action.yml), one subcommand each.
# They read the action's inputs from INPUT_* variables, as action.yml passes
# them, so they run, and are tested, outside GitHub Actions too.
#
#   ci-action.sh install install credlint into $CREDLINT_BIN by version:
#                        go install github.com/credlint/credlint/cmd/credlint@VERSION,
#                        VERSION being INPUT_VERSION or else the action's own
#                        ref (CREDLINT_ACTION_REF: v1.2.3 for
#                        uses: credlint/credlint@v1.2.3); with neither (a
#                        local action, uses: ./), build this checkout
#   ci-action.sh build   build credlint from this checkout into $CREDLINT_BIN
#   ci-action.sh run     run credlint in $INPUT_WORKING_DIRECTORY; write the
#                        report; record exit-code and report in $GITHUB_OUTPUT;
#                        exit 0 unless credlint could not be started, so that
#                        the report can be uploaded before the gate
#   ci-action.sh gate    exit with credlint's status ($CREDLINT_EXIT_CODE): 0,
#                        1 (tool or usage error), or 3 (findings; 0 when
#                        INPUT_FAIL_ON_FINDINGS is false)
#
# Inputs: INPUT_FORMAT (text, json, sarif, github; default sarif),
# INPUT_OUTPUT (report file; default credlint.sarif or credlint.json, and
# stdout for text and github), INPUT_PACKAGES (default ./...),
# INPUT_BASELINE, INPUT_CHANGED_FROM (github only), INPUT_FLAGS (more
# flags, split on spaces), INPUT_WORKING_DIRECTORY, INPUT_FAIL_ON_FINDINGS,
# INPUT_VERSION.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${CREDLINT_BIN:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/credlint}

output() { # output KEY VALUE: a step output, when GitHub collects them
	if [ -n "${GITHUB_OUTPUT:-}" ]; then
		echo "$1=$2" >>"$GITHUB_OUTPUT"
	fi
}

install() {
	local version=${INPUT_VERSION:-${CREDLINT_ACTION_REF:-}}
	if [ -z "$version" ]; then
		echo "credlint: no version given and the action's ref is unknown: building the action's checkout"
		build
		return
	fi
	local gobin
	gobin=$(mktemp -d)
	# Outside any module, whatever GOFLAGS (-mod=vendor) or GOWORK the job
	# sets for its own code.
	(cd "$gobin" && GOBIN=$gobin GOFLAGS= GOWORK=off go install "github.com/credlint/credlint/cmd/credlint@$version")
	mkdir -p "$(dirname "$bin")"
	mv "$gobin/credlint" "$bin"
	rmdir "$gobin"
	echo "credlint: installed github.com/credlint/credlint/cmd/credlint@$version as $bin ($("$bin" version))"
}

build() {
	# In the checkout's workspace (go.work: the root module and profileenv),
	# whatever GOWORK the job sets.
	(cd "$root" && GOWORK="$root/go.work" go build -o "$bin" ./cmd/credlint)
	echo "credlint: built $bin"
}

run() {
	local format=${INPUT_FORMAT:-sarif} report=${INPUT_OUTPUT:-}
	case $format in
	sarif) report=${report:-credlint.sarif} ;;
	json) report=${report:-credlint.json} ;;
	text | github) ;;
	*)
		echo "::error title=credlint::unknown format '$format' (want text, json, sarif or github)"
		output exit-code 1
		return 0
		;;
	esac
	local args=("-format=$format")
	if [ -n "${INPUT_BASELINE:-}" ]; then
		args+=("-baseline=${INPUT_BASELINE}")
	fi
	if [ -n "${INPUT_CHANGED_FROM:-}" ] && [ "$format" = github ]; then
		args+=("-changed-from=${INPUT_CHANGED_FROM}")
	fi
	local flags=() packages=()
	read -r -a flags <<<"${INPUT_FLAGS:-}"
	read -r -a packages <<<"${INPUT_PACKAGES:-./...}"
	if [ ! -x "$bin" ]; then
		echo "ci-action.sh: credlint is not built at $bin (run ci-action.sh build first)" >&2
		exit 1
	fi
	cd "${INPUT_WORKING_DIRECTORY:-.}"
	local code=0
	if [ -n "$report" ]; then
		"$bin" "${args[@]}" "${flags[@]}" "${packages[@]}" >"$report" || code=$?
		case $report in
		/*) output report "$report" ;;
		*) output report "$(pwd)/$report" ;;
		esac
	else
		"$bin" "${args[@]}" "${flags[@]}" "${packages[@]}" || code=$?
	fi
	output exit-code "$code"
	case $code in
	0) echo "credlint: no findings" ;;
	3) echo "credlint: findings${report:+, in $report}" ;;
	*) echo "credlint: exit $code: a usage or tool error (see above)" ;;
	esac
}

gate() {
	local code=${CREDLINT_EXIT_CODE:?CREDLINT_EXIT_CODE is not set}
	case $code in
	0) exit 0 ;;
	3)
		if [ "${INPUT_FAIL_ON_FINDINGS:-true}" = false ]; then
			echo "credlint: findings, not failing (fail-on-findings: false)"
			exit 0
		fi
		exit 3
		;;
	esac
	exit "$code"
}

case ${1:-} in
install | build | run | gate) "$1" ;;
*)
	echo "usage: ci-action.sh install|build|run|gate" >&2
	exit 2
	;;
esac
