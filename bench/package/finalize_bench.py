#!/usr/bin/env python3
"""Finalize of one large attachment (the vault's age file decrypted on the fly, packed into a
tar, encrypted to the call's recipient, fsynced) against `tar -c FILE | age -r R` + `sync` of
its output on the same plaintext. Subject and peer take turns (the peer first every other
round); medians of REPS. Both figures include process start-up and end when the envelope is
on disk.

Goals (all must hold, or the case exits 1):
- wall time at most 1.1x the peer's;
- the subject's own peak RSS (GNU time) at most 16 MiB;
- progress reaches the total, and no silence between two progress reports (or between the
  last one and the envelope being durable) longer than MAX_SILENCE_S.

Usage: finalize_bench.py BENCH_BINARY [SIZE_MIB] [REPS]
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from measure import require_gnu_time, run_pipeline, take_turns  # noqa: E402

TIME_GOAL = 1.1
MEMORY_GOAL_MIB = 16
MAX_SILENCE_S = 1.0


def main():
    require_gnu_time()
    binary = os.path.abspath(sys.argv[1])
    size_mib = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    work = tempfile.mkdtemp(prefix="amicus-bench-package-", dir="/tmp")
    try:
        plain = os.path.join(work, "video.mp4")
        with open(plain, "wb") as f:
            for _ in range(size_mib):
                f.write(os.urandom(1 << 20))
        for name in ("vault", "secretariat"):
            subprocess.run(["age-keygen", "-o", os.path.join(work, name + ".key")], check=True,
                           stderr=subprocess.DEVNULL)

        def recipient(name):
            return subprocess.run(["age-keygen", "-y", os.path.join(work, name + ".key")],
                                  check=True, capture_output=True, text=True).stdout.strip()
        vault_r, secretariat_r = recipient("vault"), recipient("secretariat")
        # The app keeps attachments as age files to the vault key; finalize decrypts on the fly.
        blob = os.path.join(work, "blob.age")
        subprocess.run(["age", "-r", vault_r, "-o", blob, plain], check=True)
        sha = subprocess.run(["sha256sum", plain], check=True, capture_output=True,
                             text=True).stdout.split()[0]
        size = os.path.getsize(plain)
        out_subject = os.path.join(work, "subject.age")
        out_peer = os.path.join(work, "peer.age")
        subject_argv = [binary, os.path.join(work, "vault.key"), blob, str(size), sha,
                        secretariat_r, out_subject]
        reports = []

        def subject():
            run = run_pipeline([subject_argv], capture_last=True)
            reports.append(json.loads(run.stdout.strip().splitlines()[-1]))
            os.remove(out_subject)
            return run

        def peer():
            # The subject fsyncs its envelope before it reports success; so does the peer here.
            run = run_pipeline([["tar", "-C", work, "-cf", "-", "video.mp4"],
                                ["age", "-r", secretariat_r, "-o", out_peer]])
            synced = run_pipeline([["sync", out_peer]])
            run.seconds += synced.seconds
            os.remove(out_peer)
            return run

        subjects, peers = take_turns(reps, subject, peer)
        s_time = statistics.median(r.seconds for r in subjects)
        p_time = statistics.median(r.seconds for r in peers)
        s_cpu = statistics.median(r.cpu for r in subjects)
        p_cpu = statistics.median(r.cpu for r in peers)
        s_mem = max(r.peak_mib for r in subjects)
        p_mem = statistics.median(r.peak_mib for r in peers)
        ratio = s_time / p_time
        progress_whole = all(r["progress_done"] == r["progress_total"] > 0 for r in reports)
        silence = max(r["longest_silence_s"] for r in reports)
        met = {
            "time": ratio <= TIME_GOAL,
            "memory": s_mem <= MEMORY_GOAL_MIB,
            "progress": progress_whole and silence <= MAX_SILENCE_S,
        }
        print(json.dumps({
            "name": "package.finalize",
            "subject": {"label": f"finalize, {size_mib} MiB attachment (vault blob -> tar -> age"
                                 " -> fsync), median wall", "value": round(s_time, 3),
                        "unit": "s"},
            "peer": {"label": "tar -c | age -r (same plaintext) + sync, median wall",
                     "value": round(p_time, 3), "unit": "s"},
            "ratio": round(ratio, 3),
            "goal": f"at most {TIME_GOAL}x the peer's time, own peak RSS at most "
                    f"{MEMORY_GOAL_MIB} MiB, progress to the end (no silence over "
                    f"{MAX_SILENCE_S} s)",
            "met": all(met.values()),
            "extra": {"goals_met": met, "attachment_mib": size_mib, "repetitions": reps,
                      "subject_peak_rss_mib": round(s_mem, 2),
                      "peer_peak_rss_mib_summed": round(p_mem, 2),
                      "cpu_ratio": round(s_cpu / p_cpu, 3),
                      "subject_cpu_s": round(s_cpu, 2), "peer_cpu_s": round(p_cpu, 2),
                      "subject_runs_s": [round(r.seconds, 3) for r in subjects],
                      "peer_runs_s": [round(r.seconds, 3) for r in peers],
                      "longest_progress_silence_s": round(silence, 3),
                      "end_silence_s": [round(r["end_silence_s"], 3) for r in reports],
                      "load_average_1m": os.getloadavg()[0]},
        }))
        return 0 if all(met.values()) else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
