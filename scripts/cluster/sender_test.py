#!/usr/bin/env python3
"""The app's sender against the test cluster (scripts/cluster/test.sh runs this).

1. kill -9, 20 times: one sender (`amicusctl sync` through nginx) while the endpoint process
   serving its PATCH is killed with SIGKILL at a random moment and started again; every
   submission is delivered once.
2. 200 submissions from 20 concurrent senders through nginx: all delivered, every receipt
   verified by the senders and by `amicus-intake inbox` on the bucket, which opens every one.

Usage: sender_test.py BUILD_DIR   (CLUSTER_DIR names the running cluster)
Prints "N passed, N failed" at the end; exits non-zero when a check failed.
"""
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUILD = Path(sys.argv[1]).resolve()
AMICUSCTL = BUILD / "tools/amicusctl/amicusctl"
INTAKE = BUILD / "tools/intake/amicus-intake"
CLUSTER = Path(os.environ["CLUSTER_DIR"])
ENV = dict(line.split("=", 1) for line in (CLUSTER / "cluster.env").read_text().splitlines() if "=" in line)
CALL = "hrc54-emler-reimagining-policing"
WORK = Path(tempfile.mkdtemp(prefix="amicus-cluster-senders-"))
KILLS = int(os.environ.get("SENDER_TEST_KILLS", "20"))  # fewer only while developing this script
results = {"passed": 0, "failed": 0}
children = []  # sync processes still running, ended when this script ends


def popen(args, env):
    child = subprocess.Popen([str(a) for a in args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True, env=env)
    children.append(child)
    return child


def check(condition, what):
    results["passed" if condition else "failed"] += 1
    print(("ok     " if condition else "FAILED ") + what, flush=True)
    return condition


def run(args, **kw):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, **kw)


def age_key():
    identity = WORK / "secretariat.txt"
    run(["age-keygen", "-o", identity])
    recipient = run(["age-keygen", "-y", identity]).stdout.strip()
    return identity, recipient


class Sender:
    """One phone: an amicusctl data directory with its own vault."""

    def __init__(self, name, recipient):
        self.data = WORK / name
        self.recipient = recipient
        self.env = dict(os.environ, AMICUS_PASSPHRASE="a long enough cluster test passphrase")
        self.ctl(["init", "--scrypt-work-factor", "10"], check=True)
        self.submissions = []

    def ctl(self, args, check=False):
        done = run([AMICUSCTL, "--data-dir", self.data, *args], env=self.env)
        if check and done.returncode != 0:
            raise RuntimeError(f"amicusctl {args[0]} failed: {done.stdout}{done.stderr}")
        return done

    def finalize_one(self, size):
        n = len(self.submissions)
        attachment = self.data.parent / f"{self.data.name}-{n}.bin"
        attachment.write_bytes(os.urandom(size))
        draft = {
            "call_id": CALL,
            "language": "en",
            "submitter": {"organization": f"Cluster test {self.data.name}", "country": "KE"},
            "consent": "public",
            "answers": {"use-of-force-framework": f"Answer {n} from {self.data.name}."},
            "attachments": [str(attachment)],
        }
        draft_file = self.data.parent / f"{self.data.name}-{n}.json"
        draft_file.write_text(json.dumps(draft))
        draft_id = self.ctl(["import-draft", draft_file], check=True).stdout.split()[0]
        submission = self.ctl(["finalize", draft_id, "--recipient", self.recipient], check=True).stdout.split()[0]
        self.submissions.append(submission)
        attachment.unlink()
        return submission

    def sync_args(self):
        return [AMICUSCTL, "--data-dir", self.data, "sync", "--endpoint", ENV["ENDPOINT_URL"] + "/files",
                "--receipt-key", ENV["RECEIPT_PUBLIC_KEY"]]

    def delivered(self):
        status = self.ctl(["status"]).stdout
        return status.count("\tdelivered\t")


def serving_endpoint():
    """The endpoint that has a request in progress from nginx (an established connection)."""
    for n in (1, 2):
        port = ENV[f"ENDPOINT_{n}_PORT"]
        out = run(["ss", "-Htn", "state", "established", f"( sport = :{port} )"]).stdout
        if out.strip():
            return f"endpoint-{n}"
    return None


def restart(name, signal="KILL"):
    done = run([HERE / "restart.sh", CLUSTER, name, "--signal", signal])
    if done.returncode != 0:
        raise RuntimeError(f"restart {name} failed: {done.stderr}")


def bucket_keys():
    """Keys in the bucket, listed by amicus-intake's own S3 reader is not exposed: use the endpoint's SDK."""
    script = (
        "import('./test/cluster/cluster-client.js').then(async (m) => {"
        " const c = m.loadCluster(); const keys = []; let token;"
        " do { const r = await c.store.client.listObjectsV2({ Bucket: c.env.S3_BUCKET, ContinuationToken: token });"
        " for (const o of r.Contents ?? []) keys.push(o.Key); token = r.NextContinuationToken; } while (token);"
        " console.log(JSON.stringify(keys)); await c.close(); })"
    )
    done = run(["node", "-e", script], cwd=HERE.parent.parent / "server", env=dict(os.environ, CLUSTER_DIR=str(CLUSTER)))
    return json.loads(done.stdout)


def inbox(identity, out):
    return run([INTAKE, "inbox", f"s3://{ENV['S3_BUCKET']}", "--s3-endpoint", ENV["S3_ENDPOINT"],
                "--s3-credentials", ENV["S3_CREDENTIALS"], "-i", identity, "-o", out,
                "--receipt-key", ENV["RECEIPT_PUBLIC_KEY"]])


def kill_test(identity, recipient):
    print(f"== kill -9 of the endpoint serving a PATCH, {KILLS} times, under amicusctl sync", flush=True)
    sender = Sender("killed", recipient)
    kills_on_patch = 0
    started = time.time()
    for round_number in range(KILLS):
        sender.finalize_one(random.randint(3, 8) << 20)
        sync = popen(sender.sync_args(), sender.env)
        time.sleep(random.uniform(0.2, 1.2))
        victim = None
        deadline = time.time() + 3
        while victim is None and time.time() < deadline and sync.poll() is None:
            victim = serving_endpoint()
            if victim is None:
                time.sleep(0.02)
        if victim is not None:
            kills_on_patch += 1
        restart(victim or random.choice(["endpoint-1", "endpoint-2"]))
        try:
            out, _ = sync.communicate(timeout=180)
        except subprocess.TimeoutExpired:
            sync.kill()
            out = "timed out"
        if sync.returncode != 0:
            check(False, f"round {round_number + 1}: amicusctl sync exit {sync.returncode}: {out[-400:]}")
    check(kills_on_patch >= KILLS * 3 // 4, f"{kills_on_patch} of {KILLS} kills hit a process serving a request")
    check(sender.delivered() == KILLS,
          f"all {KILLS} submissions delivered ({sender.delivered()}) in {time.time() - started:.0f}s")
    return sender


def concurrent_test(recipient):
    print("== 200 submissions from 20 concurrent senders through nginx", flush=True)
    senders = [Sender(f"sender-{i:02}", recipient) for i in range(20)]
    for sender in senders:
        for _ in range(10):
            sender.finalize_one(random.randint(20_000, 400_000))
    started = time.time()
    procs = [popen(s.sync_args(), s.env) for s in senders]
    codes = [p.wait(timeout=600) for p in procs]
    elapsed = time.time() - started
    check(all(c == 0 for c in codes), f"20 senders exited 0 ({codes.count(0)}) in {elapsed:.1f}s")
    delivered = sum(s.delivered() for s in senders)
    check(delivered == 200, f"200 submissions delivered with verified receipts ({delivered})")
    return senders


def main():
    identity, recipient = age_key()
    killed = kill_test(identity, recipient)
    senders = concurrent_test(recipient)
    expected = set(killed.submissions)
    for s in senders:
        expected.update(s.submissions)

    keys = bucket_keys()
    receipts = {k[len("receipts/"):-len(".json")] for k in keys if k.startswith("receipts/")}
    check(expected <= receipts, f"the bucket holds a receipt for each of the {len(expected)} submissions")
    infos = [k for k in keys if k.endswith(".info")]
    objects = [k[:-5] for k in infos if k[:-5] in set(keys)]
    print(f"   bucket: {len(keys)} keys, {len(objects)} finished uploads, {len(receipts)} receipts")

    out = WORK / "inbox"
    first = inbox(identity, out)
    opened = {p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")}
    check(expected <= opened, f"amicus-intake inbox on the bucket opened all {len(expected)} submissions "
          f"(opened {len(expected & opened)}; exit {first.returncode}: {first.stderr.strip().splitlines()[-1:]})")
    again = inbox(identity, out)
    check(again.returncode == first.returncode and "0 new" in again.stderr,
          f"a second inbox run fetches and unpacks nothing new: {again.stderr.strip().splitlines()[-1:]}")
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 0 if results["failed"] == 0 else 1


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    code = 1
    try:
        code = main()
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
        subprocess.run(["rm", "-rf", str(WORK)])
    sys.exit(code)
