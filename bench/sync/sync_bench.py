#!/usr/bin/env python3
"""Sync benchmarks: our tus client (outbox engine) against its peers, in one run, on loopback,
same reference endpoint, one 256 MiB age envelope. Prints ONE JSON line (bench/README.md).

Cases (--case):
  curl     ours (adaptive chunks) vs one `curl -T` streaming PATCH of the whole file, both timed
           from outside (process start to exit), median of 7; goal: at least 0.95x its speed
  tusjs    ours vs tus-js-client (Node) at the same fixed chunk size, each by the time it prints
           itself (from just before its upload starts to the receipt: Node's start-up is not
           counted, nor ours); peak memory of both programs (GNU time); goal: faster
  cuts     ours with the connection cut every 16 MiB (fault proxy): bytes sent vs the size;
           goal: at most 1.003x
Subject and peer take turns, the peer first every other round. A missed goal exits 1.

Usage: sync_bench.py --case C --upload BIN [--size-mib 256] [--reps 3] [--chunk-mib 32]
                     [--not-sent-low-water BYTES] [--upload-buffer BYTES]  (ours; default: the app's)
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
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
from measure import require_gnu_time, run_pipeline, take_turns  # noqa: E402


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
        self.low_water = None
        self.upload_buffer = None
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
        return str(uuid.uuid4())  # the endpoint takes lower-case UUID v4 submission ids

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
                "--chunk", str(chunk)] + (
                    ["--not-sent-low-water", str(self.args.not_sent_low_water)]
                    if self.args.not_sent_low_water is not None else []) + (
                    ["--upload-buffer", str(self.args.upload_buffer)]
                    if self.args.upload_buffer is not None else [])

    def ours(self, origin=None, chunk=0):
        """Ours once: (the run as measured from outside, the JSON line it printed)."""
        run = run_pipeline([self.ours_argv(origin or self.origin, chunk)], capture_last=True)
        result = json.loads(run.stdout.strip().splitlines()[-1])
        if result["state"] != "delivered":
            raise SystemExit(f"ours did not deliver: {result}")
        # The socket settings ours ran with (low water 0: the OS's).
        self.low_water = result.get("not_sent_low_water")
        self.upload_buffer = result.get("upload_buffer")
        self.clean()
        return run, result

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
        """tus-js-client once: (the run as measured from outside, the JSON line it printed)."""
        argv = ["node", os.path.join(HERE, "tus_js_upload.mjs"), self.envelope, self.origin + "/files",
                self.submission(), str(chunk)]
        run = run_pipeline([argv], capture_last=True)
        result = json.loads(run.stdout.strip().splitlines()[-1])
        if not os.listdir(os.path.join(self.data, "receipts")):
            raise SystemExit("tus-js-client finished without a receipt")
        self.clean()
        return run, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", required=True, choices=["curl", "tusjs", "cuts"])
    parser.add_argument("--upload", required=True)
    parser.add_argument("--size-mib", type=int, default=256)
    parser.add_argument("--reps", type=int, default=0, help="default: 7 for curl, 3 for tusjs")
    parser.add_argument("--chunk-mib", type=int, default=32)
    parser.add_argument("--not-sent-low-water", type=int,
                        help="TCP_NOTSENT_LOWAT for ours (bench/README.md); default: the app's")
    parser.add_argument("--upload-buffer", type=int,
                        help="libcurl's upload buffer for ours; default: the app's")
    args = parser.parse_args()
    require_gnu_time()
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
            ours, peer = take_turns(args.reps, lambda: bench.ours()[0].seconds, bench.curl)
            o, p = statistics.median(ours), statistics.median(peer)
            ratio = p / o  # speed of ours relative to curl's
            line = {"name": "sync_vs_curl_patch",
                    "subject": {"label": f"amicus tus, adaptive chunks, {mib:.0f} MiB", "value": o, "unit": "s"},
                    "peer": {"label": f"curl -T, one streaming PATCH, {mib:.0f} MiB", "value": p, "unit": "s"},
                    "ratio": ratio, "goal": "subject at least 0.95x the speed of curl -T (median of 7)",
                    "met": ratio >= 0.95,
                    "extra": {"ours_MBps": bench.size / o / 1e6, "curl_MBps": bench.size / p / 1e6,
                              "reps": args.reps, "ours_runs_s": ours, "curl_runs_s": peer,
                              "best_of_ratio": min(peer) / min(ours),
                              "ours_tcp_notsent_lowat_B": bench.low_water,
                              "ours_upload_buffer_B": bench.upload_buffer}}
        elif args.case == "tusjs":
            if not os.path.isdir(os.path.join(HERE, "node_modules")):
                subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=HERE, check=True)
            chunk = args.chunk_mib << 20
            ours_runs, peer_runs = take_turns(args.reps, lambda: bench.ours(chunk=chunk),
                                              lambda: bench.tusjs(chunk))
            ours = [printed["seconds"] for _, printed in ours_runs]
            peer = [printed["seconds"] for _, printed in peer_runs]
            ours_rss = [max(run.peaks_kib) for run, _ in ours_runs]
            peer_rss = [max(run.peaks_kib) for run, _ in peer_runs]
            o, p = statistics.median(ours), statistics.median(peer)
            ratio = p / o
            line = {"name": "sync_vs_tus_js_client",
                    "subject": {"label": f"amicus tus, {args.chunk_mib} MiB chunks, its own timing", "value": o, "unit": "s"},
                    "peer": {"label": f"tus-js-client 4.3.1 (Node), {args.chunk_mib} MiB chunks, its own timing", "value": p, "unit": "s"},
                    "ratio": ratio, "goal": "subject faster than tus-js-client", "met": ratio > 1.0,
                    "extra": {"ours_peak_rss_MiB": max(ours_rss) / 1024, "tusjs_peak_rss_MiB": max(peer_rss) / 1024,
                              "ours_MBps": bench.size / o / 1e6, "tusjs_MBps": bench.size / p / 1e6,
                              "ours_runs_s": ours, "tusjs_runs_s": peer,
                              "ours_wall_with_startup_s": [run.seconds for run, _ in ours_runs],
                              "tusjs_wall_with_startup_s": [run.seconds for run, _ in peer_runs],
                              "reps": args.reps, "ours_tcp_notsent_lowat_B": bench.low_water,
                              "ours_upload_buffer_B": bench.upload_buffer}}
        else:
            proxy, port, _ = start(
                [sys.executable, os.path.join(TOP, "tests/sync/fault_proxy.py"), "--target",
                 f"127.0.0.1:{bench.port}", "--cut-every", str(16 << 20)], "proxy listening on ", bench.log)
            try:
                run, result = bench.ours(origin=f"http://127.0.0.1:{port}")
            finally:
                proxy.terminate()  # logs how many body bytes it forwarded in all
                proxy.wait(10)
            sent = result["bytes_sent"]
            ratio = sent / bench.size
            bench.log.flush()
            with open(os.path.join(work, "bench.log")) as f:
                proxy_log = f.read()
            forwarded = [int(m) for m in re.findall(r"forwarded (\d+) body bytes in all", proxy_log)]
            # Of what the link held: the tail of the proxy's last read past each cut and its
            # socket's unread receive queue; the rest was still in our own socket.
            in_link = re.findall(r"held at cuts (\d+) read (\d+) queued in all", proxy_log)
            # Where the resent bytes went: held by the link when it was cut (written by us,
            # never forwarded), or forwarded to the server and not kept by it.
            if forwarded and sent < forwarded[-1]:
                # Every byte forwarded was sent by us: a smaller count is a counting fault.
                raise SystemExit(f"ours counted {sent} bytes sent, but the link forwarded "
                                 f"{forwarded[-1]} of them: the count is wrong")
            held = sent - forwarded[-1] if forwarded else None
            dropped = forwarded[-1] - bench.size if forwarded else None
            line = {"name": "sync_cut_every_16MiB",
                    "subject": {"label": "bytes sent by amicus tus, cut every 16 MiB", "value": sent, "unit": "B"},
                    "peer": {"label": "envelope size", "value": bench.size, "unit": "B"},
                    "ratio": ratio, "goal": "bytes sent at most 1.003x the size", "met": ratio <= 1.003,
                    "extra": {"seconds": result["seconds"], "cuts": bench.size // (16 << 20),
                              "ours_tcp_notsent_lowat_B": bench.low_water,
                              "ours_upload_buffer_B": bench.upload_buffer,
                              "resent_bytes": sent - bench.size,
                              "resent_held_by_the_cut_link": held,
                              "held_in_the_proxys_last_reads": int(in_link[-1][0]) if in_link else None,
                              "held_in_the_proxys_receive_queue": int(in_link[-1][1]) if in_link else None,
                              "held_in_our_socket": (held - int(in_link[-1][0]) - int(in_link[-1][1])
                                                     if in_link and held is not None else None),
                              "resent_dropped_by_the_server": dropped}}
        print(json.dumps(line))
        return 0 if line["met"] else 1
    finally:
        if bench:
            bench.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
