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
# Python keeps its compiled bytecode (__pycache__, ignored by git) even where the environment turns that
# off (PYTHONDONTWRITEBYTECODE): without it every test worker and every build a test starts compiles the
# package again, and pytest rewrites the asserts of every test module again in each worker (4.8 s of a
# worker's 5.6 s collection); the quick lane used 6% less CPU with it.
TMPDIR=$scratch env -u PYTHONDONTWRITEBYTECODE "$@"
