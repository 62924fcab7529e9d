#!/usr/bin/env python3
"""Benchmark: encrypt a 256 MiB file to a file with `amicus-intake encrypt -r` against
`age -r` on the same file and recipient, taking turns (the peer first every other round), median wall time of several runs each.
Also: peak RSS of amicus-intake (must stay under 16 MiB), and its throughput as a fraction of
`openssl speed -evp chacha20-poly1305 -bytes 65536` measured in the same run.
The wall time includes GNU time's fork and exec, the same for both sides.
Prints one JSON line (see bench/run). Temporary files live under /tmp and are removed.

Usage: age_encrypt_bench.py AMICUS_INTAKE [--size-mib N] [--runs N]
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RSS_LIMIT_KIB = 16 * 1024
GOAL = 1.5


GNU_TIME = "/usr/bin/time"


def timed_run(argv, workdir):
    """Runs argv; returns (wall seconds, peak RSS in KiB of that program alone).

    The peak RSS comes from GNU time, a small C parent: a child forked from this Python
    process would count Python's pages in its ru_maxrss before exec replaces them.
    """
    rss_file = os.path.join(workdir, "rss")
    wrapped = [GNU_TIME, "-f", "%M", "-o", rss_file] + argv
    start = time.perf_counter()
    done = subprocess.run(wrapped, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{argv[0]} failed with status {done.returncode}")
    with open(rss_file) as f:
        return wall, int(f.read().split()[-1])


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def openssl_chacha_bytes_per_second():
    out = subprocess.run(["openssl", "speed", "-evp", "chacha20-poly1305", "-bytes", "65536",
                          "-seconds", "3"], capture_output=True, text=True, check=True).stdout
    # The result line: "ChaCha20-Poly1305   3762774.65k" (thousands of bytes per second).
    match = re.search(r"^chacha20-poly1305\s+([0-9.]+)k\s*$", out, re.IGNORECASE | re.MULTILINE)
    if not match:
        sys.exit("could not parse openssl speed output:\n" + out)
    return float(match.group(1)) * 1000.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("intake")
    parser.add_argument("--size-mib", type=int, default=256)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    age = shutil.which("age")
    if not age:
        sys.exit("the age CLI is needed (apt-get install age)")
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit("GNU time is needed for the peak RSS (apt-get install time)")

    work = tempfile.mkdtemp(prefix="amicus-bench-age-", dir="/tmp")
    try:
        plain = os.path.join(work, "plain")
        with open(plain, "wb") as f:
            for _ in range(args.size_mib):
                f.write(os.urandom(1 << 20))
        size = os.path.getsize(plain)
        key = os.path.join(work, "key.txt")
        subprocess.run(["age-keygen", "-o", key], check=True, capture_output=True)
        recipient = subprocess.run(["age-keygen", "-y", key], check=True, capture_output=True,
                                   text=True).stdout.strip()
        ours_out = os.path.join(work, "ours.age")
        theirs_out = os.path.join(work, "theirs.age")
        ours_cmd = [args.intake, "encrypt", "-r", recipient, "-o", ours_out, plain]
        theirs_cmd = [age, "-r", recipient, "-o", theirs_out, plain]

        # Warm the page cache for the input and both binaries, then check our output opens
        # with age before timing anything.
        timed_run(ours_cmd, work)
        timed_run(theirs_cmd, work)
        decrypted = os.path.join(work, "check")
        subprocess.run([age, "-d", "-i", key, "-o", decrypted, ours_out], check=True)
        if sha256_of(decrypted) != sha256_of(plain):
            sys.exit("age -d of amicus-intake's output does not match the input")
        os.remove(decrypted)

        ours, theirs, rss = [], [], []
        for i in range(args.runs):
            # The peer goes first every other round: neither side always follows the other.
            if i % 2:
                theirs.append(timed_run(theirs_cmd, work)[0])
            wall, peak = timed_run(ours_cmd, work)
            ours.append(wall)
            rss.append(peak)
            if not i % 2:
                theirs.append(timed_run(theirs_cmd, work)[0])
        if os.path.getsize(ours_out) != os.path.getsize(theirs_out):
            sys.exit("output sizes differ between amicus-intake and age")

        openssl_rate = openssl_chacha_bytes_per_second()
        subject = statistics.median(ours)
        peer = statistics.median(theirs)
        ratio = peer / subject
        peak_rss = max(rss)
        throughput = size / subject
        result = {
            "name": "crypto.age_encrypt_256mib",
            "subject": {"label": "amicus-intake encrypt -r (median wall)", "value": subject,
                        "unit": "s"},
            "peer": {"label": "age -r (median wall)", "value": peer, "unit": "s"},
            "ratio": ratio,
            "goal": "subject at least 1.5x faster",
            "met": ratio >= GOAL and peak_rss < RSS_LIMIT_KIB,
            "extra": {
                "ratio_is": "age wall / amicus-intake wall",
                "size_bytes": size,
                "runs_each": args.runs,
                "subject_runs_s": [round(x, 4) for x in ours],
                "peer_runs_s": [round(x, 4) for x in theirs],
                "subject_peak_rss_kib": peak_rss,
                "rss_limit_kib": RSS_LIMIT_KIB,
                "rss_met": peak_rss < RSS_LIMIT_KIB,
                "subject_throughput_mib_s": round(throughput / (1 << 20), 1),
                "openssl_chacha20_poly1305_64k_mib_s": round(openssl_rate / (1 << 20), 1),
                "fraction_of_openssl_speed": round(throughput / openssl_rate, 3),
                "load_average_1m": os.getloadavg()[0],
            },
        }
        print(json.dumps(result))
        return 0 if result["met"] else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
