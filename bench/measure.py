"""What the Python benchmarks share: running a program (or a pipeline) under GNU time so its
peak memory and CPU time are its own, and the order in which subject and peer take turns.

A child forked from Python counts Python's pages in its ru_maxrss until exec replaces them
(13.7 MiB for /bin/true); GNU time is a small C parent, and `%M` is the peak of the program
it ran, nothing else.
"""
import os
import subprocess
import sys
import tempfile
import time

GNU_TIME = "/usr/bin/time"


def require_gnu_time():
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit("GNU time is needed for the peak RSS (apt-get install time)")


class Measured:
    """One run: wall seconds of the whole, and per program its peak RSS and CPU seconds."""

    def __init__(self, seconds, peaks_kib, cpu_seconds, stdout):
        self.seconds = seconds
        self.peaks_kib = peaks_kib
        self.cpu_seconds = cpu_seconds
        self.stdout = stdout

    @property
    def peak_mib(self):
        # Programs of a pipeline run at the same time: their peaks add up.
        return sum(self.peaks_kib) / 1024.0

    @property
    def cpu(self):
        return sum(self.cpu_seconds)


def run_pipeline(commands, env=None, capture_last=False):
    """Runs `commands` as a shell-less pipeline (stdin of the first is /dev/null), each under
    GNU time. Fails the benchmark when any exits non-zero."""
    reports, errors, procs = [], [], []
    previous = None
    started = time.perf_counter()
    for i, argv in enumerate(commands):
        last = i == len(commands) - 1
        report = tempfile.NamedTemporaryFile(prefix="amicus-bench-time-", delete=False)
        report.close()
        reports.append(report.name)
        errors.append(tempfile.TemporaryFile())
        proc = subprocess.Popen(
            [GNU_TIME, "-f", "%M %U %S", "-o", report.name] + list(argv),
            stdin=previous.stdout if previous else subprocess.DEVNULL,
            stdout=(subprocess.PIPE if capture_last else subprocess.DEVNULL) if last
            else subprocess.PIPE,
            stderr=errors[-1], env=env)
        if previous:
            previous.stdout.close()
        procs.append(proc)
        previous = proc
    out, _ = procs[-1].communicate()
    for proc in procs[:-1]:
        proc.wait()
    seconds = time.perf_counter() - started
    peaks, cpu = [], []
    for proc, report, err in zip(procs, reports, errors):
        with open(report) as f:
            fields = f.read().split()
        os.remove(report)
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(f"{proc.args[5:]} failed with status {proc.returncode}: "
                     f"{err.read().decode(errors='replace')}")
        err.close()
        peaks.append(int(fields[-3]))
        cpu.append(float(fields[-2]) + float(fields[-1]))
    return Measured(seconds, peaks, cpu, out.decode(errors="replace") if out else "")


def take_turns(reps, subject, peer):
    """Runs subject and peer `reps` times each, the peer first on every other round, so
    neither side always meets the caches (or the neighbours' load) the other left behind."""
    subjects, peers = [], []
    for i in range(reps):
        if i % 2:
            peers.append(peer())
            subjects.append(subject())
        else:
            subjects.append(subject())
            peers.append(peer())
    return subjects, peers
