#!/usr/bin/env bash
# Run a command (the test suite) with TMPDIR in a scratch folder of its own, deleted when it ends.
#
# The folder is on the RAM disk (/dev/shm) when the machine has room for it: a run of `make test` writes
# about 4 GB of small files there (copies of the demo, sites built and rebuilt), and on a shared virtual
# disk those files' metadata operations, not the CPU, set the pace of the builds (the quick lane's system
# time halved on the RAM disk). Elsewhere, or with ETALASE_TESTS_ON_DISK set, it is under the usual TMPDIR.
#
#   tests/scratch_dir.sh python -m pytest ...
set -euo pipefail

NEEDED_KIB=$((10 * 1024 * 1024)) # the run's files, with room to spare for everything else the machine runs
available=$(awk '/^MemAvailable:/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)
shm_free=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 {print $4}' || echo 0)
if [[ -z ${ETALASE_TESTS_ON_DISK:-} && -w /dev/shm && ${available:-0} -ge $NEEDED_KIB && ${shm_free:-0} -ge $NEEDED_KIB ]]; then
  base=/dev/shm
else
  base=${TMPDIR:-/tmp}
fi
scratch=$(mktemp -d "$base/etalase-tests.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
TMPDIR=$scratch "$@"
