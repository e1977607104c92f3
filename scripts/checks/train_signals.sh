#!/usr/bin/env bash
# Issue 24, item 1: `train` survives N SIGTERMs and N SIGINTs in a row (default 10 + 10).
#   scripts/checks/train_signals.sh [N] [WORK_DIR]
# Makes a tiny dataset (16^3, FastPM 2 steps), then starts `train width=4` 2N times on the same
# output folder, each time sending the signal after the run's first training step. Every run must exit
# 143 (SIGTERM) or 130 (SIGINT) with the one line "stopped at step K; resume with the same command" at a
# step K beyond the previous one, leave checkpoint.d3mc, and leave no hs_err_pid*.log. Then the same
# command runs to the end, and its final weights (params.bin inside final.d3mw) must equal, byte for
# byte, those of an uninterrupted run. Uses the built plugin (plugins/), never rebuilds it.
set -uo pipefail
N="${1:-10}"
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
WORK="${2:-$(mktemp -d /tmp/d3m-signals.XXXXXX)}"
mkdir -p "$WORK" && cd "$WORK" || exit 1
export MALLOC_ARENA_MAX=1 MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=68719476736
# a command, not a function: `"${D3M[@]}" ... &` is then the JVM itself, and $! the PID the signal must reach
D3M=(java -Djava.awt.headless=true -Dai.djl.offline=true -cp "$ROOT/plugins/D3M_Fiji.jar:$ROOT/plugins/jars/*" org.d3m.cli.Main)
set -m # job control: a background job must not start with SIGINT ignored
fail() { echo "FAIL: $*"; exit 1; }
# a shell started in the background without job control ignores SIGINT, and so would every JVM here
(( 0x$(awk '/^SigIgn:/ {print $2}' /proc/$$/status) & 2 )) && fail "SIGINT is ignored in this shell; run it from a terminal, or after set -m"

"${D3M[@]}" make-dataset output_dir=data box_size=64 grid=16 samples=20 steps=2 threads=2 >/dev/null 2>&1 || fail "make-dataset"
EPOCHS=$((2 * N + 4))
ARGS=(dataset=data width=4 batch=4 epochs=$EPOCHS learning_rate=1e-3 seed=11 threads=2 device=cpu checkpoint_minutes=0)
last=0
for sig in $(for i in $(seq "$N"); do echo TERM; done; for i in $(seq "$N"); do echo INT; done); do
    "${D3M[@]}" train output_dir=model "${ARGS[@]}" >run.out 2>run.err &
    pid=$!
    for _ in $(seq 600); do grep -qE 'step [0-9]+/[0-9]+ loss' run.err 2>/dev/null && break; sleep 0.1; done
    kill -"$sig" "$pid"
    wait "$pid"; rc=$?
    want=$([[ $sig == INT ]] && echo 130 || echo 143)
    line="$(tail -n 1 run.err)"
    [[ $rc == "$want" ]] || fail "SIG$sig: exit $rc, want $want; $(tail -n 3 run.err)"
    [[ $line =~ ^stopped\ at\ step\ ([0-9]+)\;\ resume\ with\ the\ same\ command$ ]] || fail "SIG$sig: last line '$line'"
    step="${BASH_REMATCH[1]}"
    ((step > last)) || fail "SIG$sig: stopped at step $step, not after $last"
    [[ -f model/checkpoint.d3mc ]] || fail "no checkpoint"
    ls hs_err_pid*.log >/dev/null 2>&1 && fail "JVM crash log: $(ls hs_err_pid*.log)"
    echo "SIG$sig: exit $rc, stopped at step $step"
    last=$step
done
"${D3M[@]}" train output_dir=model "${ARGS[@]}" >/dev/null 2>run.err || fail "resume: $(tail -n 1 run.err)"
"${D3M[@]}" train output_dir=whole "${ARGS[@]}" >/dev/null 2>&1 || fail "uninterrupted run"
a="$(unzip -p model/final.d3mw params.bin | sha256sum)"
b="$(unzip -p whole/final.d3mw params.bin | sha256sum)"
[[ "$a" == "$b" ]] || fail "resumed weights differ from the uninterrupted run's"
ls hs_err_pid*.log >/dev/null 2>&1 && fail "JVM crash log"
echo "OK: $N SIGTERM + $N SIGINT, resumed final weights equal the uninterrupted run's ($WORK)"
