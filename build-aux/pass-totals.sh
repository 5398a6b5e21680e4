# Sourced by .ci/run and build-aux/run-tests-on-debian.sh, which run
# several passes of the suite and end with one line for them all.
#
#   pass_totals_add LABEL LOG STATUS   counts a pass from its log's last
#                                      "N passed, N failed" and its exit status
#   pass_totals_print                  prints each pass, then the sum, and
#                                      returns non-zero if any failed
#
# SPDX-License-Identifier: GPL-3.0-or-later

pass_totals_passed=0
pass_totals_failed=0
pass_totals_lines=()

pass_totals_add() {
    local label=$1 log=$2 status=$3 passed failed
    read -r passed _ failed _ <<<"$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1 | tr -d ',')"
    # A pass without a last line did not finish: it counts as failed.
    passed=${passed:-0} failed=${failed:-1}
    # A pass that exits non-zero has failed, whatever its last line says.
    [ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
    pass_totals_lines+=("$label: $passed passed, $failed failed")
    pass_totals_passed=$((pass_totals_passed + passed))
    pass_totals_failed=$((pass_totals_failed + failed))
}

pass_totals_print() {
    printf '%s\n' "${pass_totals_lines[@]}"
    echo "$pass_totals_passed passed, $pass_totals_failed failed"
    [ "$pass_totals_failed" -eq 0 ]
}
