#!/usr/bin/env python3
"""Benchmark: cold start of `amicus` to the first frame of its unlock screen against a minimal
Qt Quick Controls window (bench/app/minimal_window), alternating, median of several runs each.

A run starts a fresh process. Its time runs from this process's CLOCK_MONOTONIC read just
before the process is spawned to the CLOCK_MONOTONIC the child prints in its first
frameSwapped (`--exit-after-first-frame`), so spawning counts the same for both sides. Both run
on the offscreen platform with the software renderer (what `amicus` picks off screen; no X
server or GL driver start-up in the figure). The subject runs over a real data directory with a
vault set up (so it shows the unlock screen, which is checked), with its own empty settings.
"Cold" is per process: the files are in the page cache after the first run of each side
(the first run of each is not counted).

Prints one JSON line (see bench/run).
Usage: cold_start_bench.py AMICUS MINIMAL_WINDOW APP_BENCH [--runs N]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GOAL = 1.5


def first_frame_seconds(argv, env):
    """Runs argv to its first frame; returns (seconds, CPU seconds, name of the screen shown)."""
    start = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    done = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=60)
    if done.returncode != 0:
        sys.exit(f"{argv[0]} failed with status {done.returncode}: {done.stderr}")
    for line in done.stdout.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[0] == "first-frame":
            return (int(fields[1]) - start) / 1e9, int(fields[2]) / 1e6, fields[3]
    sys.exit(f"{argv[0]} printed no first-frame line: {done.stdout!r} {done.stderr!r}")


def instructions(argv, env):
    """Instructions the process runs to its first frame, counted by valgrind (callgrind): the
    same count whatever else the machine is doing. None when valgrind is not installed."""
    if not shutil.which("valgrind"):
        return None
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
                          + argv, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=600)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or not found or "first-frame" not in done.stdout:
        sys.exit(f"valgrind {argv[0]} failed: {done.stdout!r} {done.stderr[-2000:]!r}")
    return int(found.group(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("amicus")
    parser.add_argument("minimal")
    parser.add_argument("app_bench")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="amicus-bench-start-") as scratch:
        data_dir = os.path.join(scratch, "data")
        subprocess.run([args.app_bench, "make-vault", data_dir, "20"], check=True)
        env = dict(os.environ)
        env.update({
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": os.path.join(scratch, "config"),
            "XDG_RUNTIME_DIR": scratch,  # private (0700), as Qt wants it
            "AMICUS_DATA_DIR": data_dir,
            "LANG": "en_US.UTF-8",
        })
        env.pop("QT_QUICK_BACKEND", None)
        sides = {
            "subject": [args.amicus, "--exit-after-first-frame"],
            "peer": [args.minimal],
        }
        times = {"subject": [], "peer": []}
        cpu_times = {"subject": [], "peer": []}
        screens = set()
        for run in range(args.runs + 1):
            # Alternate which side goes first, so neither always follows the other.
            order = ["subject", "peer"] if run % 2 == 0 else ["peer", "subject"]
            for side in order:
                seconds, cpu, screen = first_frame_seconds(sides[side], env)
                if side == "subject":
                    screens.add(screen)
                if run > 0:  # the first run of each side warms the page cache
                    times[side].append(seconds)
                    cpu_times[side].append(cpu)
        counted = {side: instructions(sides[side], env) for side in sides}
        if screens != {"unlockScreen"}:
            sys.exit(f"amicus showed {sorted(screens)} at its first frame, not the unlock screen")

    subject = statistics.median(times["subject"])
    peer = statistics.median(times["peer"])
    ratio = subject / peer
    print(json.dumps({
        "name": "app_cold_start",
        "subject": {"label": "amicus to the unlock screen's first frame", "value": subject,
                    "unit": "s"},
        "peer": {"label": "minimal Material ApplicationWindow, one Label", "value": peer,
                 "unit": "s"},
        "ratio": ratio,
        "goal": f"subject under {GOAL}x the peer",
        "met": ratio < GOAL,
        "extra": {
            "runs_each": args.runs,
            "platform": "offscreen QPA, software renderer",
            "subject_min_s": min(times["subject"]),
            "subject_max_s": max(times["subject"]),
            "peer_min_s": min(times["peer"]),
            "peer_max_s": max(times["peer"]),
            "best_of_ratio": min(times["subject"]) / min(times["peer"]),
            # CPU time (all threads) to the first frame: steadier than wall time on a busy machine.
            "subject_cpu_s": statistics.median(cpu_times["subject"]),
            "peer_cpu_s": statistics.median(cpu_times["peer"]),
            "cpu_ratio": statistics.median(cpu_times["subject"]) / statistics.median(cpu_times["peer"]),
            # Instructions to the first frame (valgrind): no noise from other jobs at all.
            "subject_instructions": counted["subject"],
            "peer_instructions": counted["peer"],
            "instructions_ratio": (counted["subject"] / counted["peer"]
                                   if counted["subject"] and counted["peer"] else None),
        },
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
