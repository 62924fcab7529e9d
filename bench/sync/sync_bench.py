#!/usr/bin/env python3
"""Sync benchmarks: our tus client (outbox engine) against its peers, in one run, on loopback,
same reference endpoint, one 256 MiB age envelope. Prints ONE JSON line (bench/README.md).

Cases (--case):
  curl     ours (adaptive chunks) vs one `curl -T` streaming PATCH of the whole file
  tusjs    ours vs tus-js-client (Node) at the same fixed chunk size; peak memory of both
  cuts     ours with the connection cut every 16 MiB (fault proxy): bytes sent vs the size

Usage: sync_bench.py --case C --upload BIN [--size-mib 256] [--reps 3] [--chunk-mib 32]
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

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def start(argv, prefix, log):
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=log, text=True)
    lines = []
    deadline = time.time() + 30
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if line.startswith(prefix):
            return proc, line[len(prefix):].strip(), lines
    proc.kill()
    raise SystemExit(f"{argv[0]} did not start: {''.join(lines)}")


def run_measured(argv, env=None):
    """Runs argv; returns (wall seconds, peak RSS in KiB, stdout)."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{argv[0]} failed ({proc.returncode}): {err.decode(errors='replace')}")
    return seconds, out.decode()


def run_peak_rss(argv):
    """Runs argv under wait4 to read its own peak RSS (KiB)."""
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read()
    proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{argv[0]} failed ({proc.returncode})")
    return usage.ru_maxrss, out.decode()


class Bench:
    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.log = open(os.path.join(work, "bench.log"), "w")
        self.data = os.path.join(work, "server")
        self.server, listening, lines = start(
            ["node", os.path.join(TOP, "server/src/main.js"), "--data", self.data, "--port", "0"],
            "listening on ", self.log)
        self.key = next(l.split(": ", 1)[1].strip() for l in lines if l.startswith("receipt public key: "))
        self.origin = listening
        self.port = int(listening.rsplit(":", 1)[1])
        self.serial = 0
        # The envelope: random bytes through the age CLI to a fresh key.
        keyfile = os.path.join(work, "key.txt")
        subprocess.run(["age-keygen", "-o", keyfile], check=True, capture_output=True)
        recipient = subprocess.run(["age-keygen", "-y", keyfile], check=True, capture_output=True,
                                   text=True).stdout.strip()
        plain = os.path.join(work, "plain.bin")
        with open(plain, "wb") as f:
            left = args.size_mib * 1024 * 1024
            while left:
                n = min(left, 8 << 20)
                f.write(os.urandom(n))
                left -= n
        self.envelope = os.path.join(work, "envelope.age")
        subprocess.run(["age", "-r", recipient, "-o", self.envelope, plain], check=True)
        os.remove(plain)
        self.size = os.path.getsize(self.envelope)
        h = hashlib.sha256()
        with open(self.envelope, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        self.sha256 = h.hexdigest()

    def close(self):
        self.server.terminate()
        self.server.wait(10)

    def submission(self):
        self.serial += 1
        return f"bench-{os.getpid()}-{self.serial:04d}"

    def clean(self):
        """Drops stored uploads between repetitions (256 MiB each)."""
        for sub in ("uploads", "receipts"):
            d = os.path.join(self.data, sub)
            if os.path.isdir(d):
                for name in os.listdir(d):
                    os.remove(os.path.join(d, name))

    def ours_argv(self, origin, chunk):
        outbox = os.path.join(self.work, f"outbox-{self.serial}.json")
        return [self.args.upload, "--file", self.envelope, "--origin", origin, "--key", self.key,
                "--submission", self.submission(), "--sha256", self.sha256, "--outbox", outbox,
                "--chunk", str(chunk)]

    def ours(self, origin=None, chunk=0):
        seconds, out = run_measured(self.ours_argv(origin or self.origin, chunk))
        result = json.loads(out.strip().splitlines()[-1])
        if result["state"] != "delivered":
            raise SystemExit(f"ours did not deliver: {result}")
        self.clean()
        return seconds, result

    def curl(self):
        sid = self.submission()
        b64 = lambda s: __import__("base64").b64encode(s.encode()).decode()
        started = time.perf_counter()
        created = subprocess.run(
            ["curl", "-sS", "-D", "-", "-o", "/dev/null", "-X", "POST", "-H", "Tus-Resumable: 1.0.0",
             "-H", f"Upload-Length: {self.size}", "-H",
             f"Upload-Metadata: submission_id {b64(sid)},call_id {b64('bench-call')}",
             self.origin + "/files"], check=True, capture_output=True, text=True).stdout
        location = re.search(r"(?im)^location:\s*(\S+)", created).group(1)
        patched = subprocess.run(
            ["curl", "-sS", "-D", "-", "-o", "/dev/null", "-X", "PATCH", "-H", "Tus-Resumable: 1.0.0",
             "-H", "Upload-Offset: 0", "-H", "Content-Type: application/offset+octet-stream",
             "-H", "Expect:", "-T", self.envelope, location],
            check=True, capture_output=True, text=True).stdout
        seconds = time.perf_counter() - started
        if not re.search(r"(?im)^amicus-receipt:", patched):
            raise SystemExit(f"curl PATCH got no receipt: {patched}")
        self.clean()
        return seconds

    def tusjs(self, chunk):
        argv = ["node", os.path.join(HERE, "tus_js_upload.mjs"), self.envelope, self.origin + "/files",
                self.submission(), str(chunk)]
        started = time.perf_counter()
        rss, out = run_peak_rss(argv)
        seconds = time.perf_counter() - started
        json.loads(out.strip().splitlines()[-1])
        if not os.listdir(os.path.join(self.data, "receipts")):
            raise SystemExit("tus-js-client finished without a receipt")
        self.clean()
        return seconds, rss

    def ours_rss(self, chunk):
        started = time.perf_counter()
        rss, out = run_peak_rss(self.ours_argv(self.origin, chunk))
        seconds = time.perf_counter() - started
        if json.loads(out.strip().splitlines()[-1])["state"] != "delivered":
            raise SystemExit("ours did not deliver")
        self.clean()
        return seconds, rss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", required=True, choices=["curl", "tusjs", "cuts"])
    parser.add_argument("--upload", required=True)
    parser.add_argument("--size-mib", type=int, default=256)
    parser.add_argument("--reps", type=int, default=0, help="default: 7 for curl, 3 for tusjs")
    parser.add_argument("--chunk-mib", type=int, default=32)
    args = parser.parse_args()
    if args.reps <= 0:
        # The loopback figures swing with whatever else the machine runs: more runs for the
        # close race against curl.
        args.reps = 7 if args.case == "curl" else 3
    work = tempfile.mkdtemp(prefix="amicus-sync-bench-")
    bench = None
    try:
        bench = Bench(args, work)
        mib = bench.size / (1 << 20)
        if args.case == "curl":
            ours, peer = [], []
            for _ in range(args.reps):
                ours.append(bench.ours()[0])
                peer.append(bench.curl())
            o, p = statistics.median(ours), statistics.median(peer)
            ratio = p / o  # speed of ours relative to curl's
            line = {"name": "sync_vs_curl_patch",
                    "subject": {"label": f"amicus tus, adaptive chunks, {mib:.0f} MiB", "value": o, "unit": "s"},
                    "peer": {"label": f"curl -T, one streaming PATCH, {mib:.0f} MiB", "value": p, "unit": "s"},
                    "ratio": ratio, "goal": "subject at least 0.9x the speed of curl -T",
                    "met": ratio >= 0.9,
                    "extra": {"ours_MBps": bench.size / o / 1e6, "curl_MBps": bench.size / p / 1e6,
                              "reps": args.reps, "ours_runs_s": ours, "curl_runs_s": peer,
                              "best_of_ratio": min(peer) / min(ours)}}
        elif args.case == "tusjs":
            if not os.path.isdir(os.path.join(HERE, "node_modules")):
                subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=HERE, check=True)
            chunk = args.chunk_mib << 20
            ours, peer, ours_rss, peer_rss = [], [], [], []
            for _ in range(args.reps):
                s, r = bench.ours_rss(chunk)
                ours.append(s)
                ours_rss.append(r)
                s, r = bench.tusjs(chunk)
                peer.append(s)
                peer_rss.append(r)
            o, p = statistics.median(ours), statistics.median(peer)
            ratio = p / o
            line = {"name": "sync_vs_tus_js_client",
                    "subject": {"label": f"amicus tus, {args.chunk_mib} MiB chunks", "value": o, "unit": "s"},
                    "peer": {"label": f"tus-js-client 4.3.1 (Node), {args.chunk_mib} MiB chunks", "value": p, "unit": "s"},
                    "ratio": ratio, "goal": "subject faster than tus-js-client", "met": ratio > 1.0,
                    "extra": {"ours_peak_rss_MiB": max(ours_rss) / 1024, "tusjs_peak_rss_MiB": max(peer_rss) / 1024,
                              "ours_MBps": bench.size / o / 1e6, "tusjs_MBps": bench.size / p / 1e6,
                              "reps": args.reps}}
        else:
            proxy, port, _ = start(
                [sys.executable, os.path.join(TOP, "tests/sync/fault_proxy.py"), "--target",
                 f"127.0.0.1:{bench.port}", "--cut-every", str(16 << 20)], "proxy listening on ", bench.log)
            try:
                seconds, result = bench.ours(origin=f"http://127.0.0.1:{port}")
            finally:
                proxy.kill()
                proxy.wait()
            sent = result["bytes_sent"]
            ratio = sent / bench.size
            line = {"name": "sync_cut_every_16MiB",
                    "subject": {"label": "bytes sent by amicus tus, cut every 16 MiB", "value": sent, "unit": "B"},
                    "peer": {"label": "envelope size", "value": bench.size, "unit": "B"},
                    "ratio": ratio, "goal": "bytes sent at most 1.02x the size", "met": ratio <= 1.02,
                    "extra": {"seconds": seconds, "cuts": bench.size // (16 << 20)}}
        print(json.dumps(line))
    finally:
        if bench:
            bench.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
