#!/usr/bin/env python3
"""Peak memory of finalize (package + age envelope) of a 1 GiB attachment, against
`tar -c FILE | age -r R` on the same plaintext. Subject and peer alternate; medians of REPS.

Usage: finalize_memory.py BENCH_BINARY [SIZE_MIB] [REPS]
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GOAL_MIB = 64


def run_measured(commands, stdin_first=None):
    """Starts `commands` as a pipeline; returns (seconds, summed peak RSS in MiB)."""
    start = time.monotonic()
    procs = []
    previous = None
    for i, command in enumerate(commands):
        last = i == len(commands) - 1
        proc = subprocess.Popen(command, stdin=previous.stdout if previous else subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL if last else subprocess.PIPE)
        if previous:
            previous.stdout.close()
        procs.append(proc)
        previous = proc
    peak_kib = 0
    for proc in procs:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise RuntimeError(f"{proc.args} failed with {proc.returncode}")
        peak_kib += usage.ru_maxrss  # processes of a pipeline run at once: their peaks add up
    return time.monotonic() - start, peak_kib / 1024.0


def main():
    binary = os.path.abspath(sys.argv[1])
    size_mib = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    work = tempfile.mkdtemp(prefix="amicus-bench-package-")
    try:
        plain = os.path.join(work, "video.mp4")
        subprocess.run(["head", "-c", str(size_mib * 1024 * 1024), "/dev/urandom"],
                       stdout=open(plain, "wb"), check=True)
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

        subject, peer = [], []
        out_subject = os.path.join(work, "subject.age")
        out_peer = os.path.join(work, "peer.age")
        for _ in range(reps):
            subject.append(run_measured([[binary, os.path.join(work, "vault.key"), blob,
                                          str(size), sha, secretariat_r, out_subject]]))
            os.remove(out_subject)
            seconds, peak = run_measured([["tar", "-C", work, "-cf", "-", "video.mp4"],
                                          ["age", "-r", secretariat_r, "-o", out_peer]])
            # The subject fsyncs its envelope before it reports success; so does the peer here.
            start = time.monotonic()
            subprocess.run(["sync", out_peer], check=True)
            peer.append((seconds + time.monotonic() - start, peak))
            os.remove(out_peer)

        s_mem = statistics.median(m for _, m in subject)
        p_mem = statistics.median(m for _, m in peer)
        s_time = statistics.median(t for t, _ in subject)
        p_time = statistics.median(t for t, _ in peer)
        print(json.dumps({
            "name": "package.finalize_memory",
            "subject": {"label": "finalize 1 attachment (vault blob -> tar -> age), peak RSS",
                        "value": round(s_mem, 2), "unit": "MiB"},
            "peer": {"label": "tar -c | age -r (same plaintext) + sync, summed peak RSS",
                     "value": round(p_mem, 2), "unit": "MiB"},
            "ratio": round(s_mem / p_mem, 3) if p_mem else None,
            "goal": f"subject peak memory under {GOAL_MIB} MiB for a {size_mib} MiB attachment",
            "met": s_mem < GOAL_MIB,
            "extra": {"attachment_mib": size_mib, "repetitions": reps,
                      "subject_seconds": round(s_time, 2), "peer_seconds": round(p_time, 2),
                      "subject_mib_per_s": round(size_mib / s_time, 1),
                      "peer_mib_per_s": round(size_mib / p_time, 1),
                      "note": "subject also decrypts the vault blob and hashes twice",
                      "subject_peaks_mib": [round(m, 2) for _, m in subject],
                      "peer_peaks_mib": [round(m, 2) for _, m in peer]},
        }))
        return 0 if s_mem < GOAL_MIB else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
