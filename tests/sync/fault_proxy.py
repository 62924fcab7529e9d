#!/usr/bin/env python3
"""A fault-injecting HTTP/1.1 proxy for the sync tests and benchmarks.

Sits between the tus client and the reference endpoint, forwards bytes as they come, and
injects the faults a phone meets: a connection cut after N body bytes (once, or every N),
a stall, synthetic answers for the Nth request of a method (5xx, 404, 410, a captive
portal page, a redirect to another host, or no answer at all), or TLS in front of the plain
server.

Prints "proxy listening on PORT" once ready; one line per injected fault on stderr.
"""
import argparse
import fcntl
import re
import signal
import socket
import ssl
import struct
import sys
import termios
import threading

BUF = 256 * 1024
# Bytes read from the client at a time. The proxy is the "link": what it holds when it cuts is
# lost in flight, so it holds little (a small socket receive buffer too), like a thin pipe.
CLIENT_READ = 64 * 1024
LINK_BUFFER = 64 * 1024


def log(*parts):
    print("fault_proxy:", *parts, file=sys.stderr, flush=True)


def unread_bytes(sock):
    """Bytes waiting in `sock`'s receive queue (FIONREAD), 0 when it cannot tell."""
    try:
        return struct.unpack("i", fcntl.ioctl(sock.fileno(), termios.FIONREAD,
                                               b"\0\0\0\0"))[0]
    except (OSError, ValueError):
        return 0


class Faults:
    def __init__(self, args):
        self.lock = threading.Lock()
        self.body_bytes = 0  # request body bytes forwarded to the server, all connections
        self.cut_after = args.cut_after_bytes
        self.cut_every = args.cut_every
        self.stall_after = args.stall_after_bytes
        self.stall_seconds = args.stall_seconds
        self.counts = {}
        self.responds = []  # (method, n, status, kind)
        for rule in args.respond or []:
            parts = rule.split(":")
            method, n, status = parts[0], int(parts[1]), int(parts[2])
            kind = parts[3] if len(parts) > 3 else "text"
            self.responds.append((method, n, status, kind))
        self.captive_all = args.captive_all
        self.cuts = 0
        # What the link held when it was cut, in all: the part of its last read beyond the cut
        # and what waited unread in its socket's receive queue (the rest of what the client
        # wrote and never got through was still in the client's own socket).
        self.cut_read_tail = 0
        self.cut_receive_queue = 0

    def count_request(self, method):
        with self.lock:
            self.counts[method] = self.counts.get(method, 0) + 1
            n = self.counts[method]
            for (m, k, status, kind) in self.responds:
                if m == method and (k == n or k == 0):
                    return status, kind
        return None

    def allowance(self, want):
        """How many of `want` body bytes may pass before the next fault, and which fault."""
        with self.lock:
            limit = None
            fault = None
            if self.cut_after is not None and self.body_bytes < self.cut_after:
                limit, fault = self.cut_after - self.body_bytes, "cut"
            if self.cut_every:
                nxt = (self.body_bytes // self.cut_every + 1) * self.cut_every
                if limit is None or nxt - self.body_bytes < limit:
                    limit, fault = nxt - self.body_bytes, "cut"
            if self.stall_after is not None and self.body_bytes < self.stall_after:
                if limit is None or self.stall_after - self.body_bytes <= limit:
                    limit, fault = self.stall_after - self.body_bytes, "stall"
            if limit is None or want < limit:
                return want, None
            return limit, fault

    def passed(self, n, fault):
        with self.lock:
            self.body_bytes += n
            if fault == "cut":
                self.cuts += 1
                if self.cut_after is not None and self.body_bytes >= self.cut_after:
                    self.cut_after = None
            if fault == "stall":
                self.stall_after = None


def synthetic(status, kind):
    if kind == "html":
        body = b"<html><head><title>Welcome</title></head><body>Log in to use Wi-Fi</body></html>"
        head = f"HTTP/1.1 {status} OK\r\nContent-Type: text/html\r\n"
    elif kind == "redirect":
        body = b""
        head = f"HTTP/1.1 {status} Found\r\nLocation: http://portal.example/login\r\n"
    elif kind == "tus":
        body = b""
        head = f"HTTP/1.1 {status} \r\nTus-Resumable: 1.0.0\r\n"
    else:
        body = f"injected {status}\n".encode()
        head = f"HTTP/1.1 {status} \r\nContent-Type: text/plain\r\n"
    head += f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    return head.encode() + body


class Connection:
    def __init__(self, client, faults, target, rewrite_https):
        self.client = client
        self.faults = faults
        self.target = target
        self.rewrite_https = rewrite_https
        self.upstream = None
        self.closed = threading.Event()

    def close(self):
        self.closed.set()
        for s in (self.client, self.upstream):
            if s is None:
                continue
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            try:
                s.close()
            except OSError:
                pass

    def pump_back(self):
        try:
            while True:
                data = self.upstream.recv(BUF)
                if not data:
                    break
                if self.rewrite_https:
                    data = re.sub(rb"(?i)(\r\nlocation: )http://", rb"\1https://", data)
                self.client.sendall(data)
        except OSError:
            pass
        self.close()

    def read_head(self, pending):
        while b"\r\n\r\n" not in pending:
            data = self.client.recv(BUF)
            if not data:
                return None, pending
            pending += data
        end = pending.index(b"\r\n\r\n") + 4
        return pending[:end], pending[end:]

    def stall(self):
        # Forward nothing more and read nothing more, like a link that carries no data, then
        # drop the connection after --stall-seconds. (A client that gives up cannot tell us:
        # its FIN waits behind the bytes we refuse to read.)
        log("stall")
        self.closed.wait(self.faults.stall_seconds)
        log("stall over: dropping the connection")
        self.close()

    def run(self):
        try:
            self.serve()
        except OSError:
            pass
        finally:
            self.close()

    def serve(self):
        pending = b""
        while True:
            head, pending = self.read_head(pending)
            if head is None:
                return
            lines = head.decode("latin-1").split("\r\n")
            method = lines[0].split(" ")[0]
            length = 0
            for line in lines[1:]:
                if line.lower().startswith("content-length:"):
                    length = int(line.split(":", 1)[1].strip())
            if self.faults.captive_all:
                answer = (200, "html")
            else:
                answer = self.faults.count_request(method)
            if answer:
                # Swallow the body, then answer in the server's place and hang up.
                remaining = length - len(pending)
                while remaining > 0:
                    data = self.client.recv(min(BUF, remaining))
                    if not data:
                        return
                    remaining -= len(data)
                if answer[1] == "none":
                    # A connection that dies once the request is in, before any answer (a
                    # server's keep-alive timeout racing the request, a NAT dropping it).
                    log(f"hang up on {method} without an answer")
                    return
                log(f"answer {method} with {answer[0]} {answer[1]}")
                self.client.sendall(synthetic(*answer))
                return
            if self.upstream is None:
                self.upstream = socket.create_connection(self.target)
                self.upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                threading.Thread(target=self.pump_back, daemon=True).start()
            self.upstream.sendall(head)
            remaining = length
            while remaining > 0:
                if pending:
                    data, pending = pending[:remaining], pending[remaining:]
                else:
                    data = self.client.recv(min(CLIENT_READ, remaining))
                    if not data:
                        return
                allowed, fault = self.faults.allowance(len(data))
                if allowed:
                    self.upstream.sendall(data[:allowed])
                self.faults.passed(allowed, fault)
                remaining -= allowed
                if fault == "cut":
                    queued = unread_bytes(self.client)
                    with self.faults.lock:
                        self.faults.cut_read_tail += len(data) - allowed
                        self.faults.cut_receive_queue += queued
                    log(f"cut after {self.faults.body_bytes} body bytes "
                        f"(holding {len(data) - allowed} read + {queued} queued)")
                    return
                if fault == "stall":
                    self.stall()
                    return


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True, help="HOST:PORT of the real server")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cut-after-bytes", type=int)
    parser.add_argument("--cut-every", type=int)
    parser.add_argument("--stall-after-bytes", type=int)
    parser.add_argument("--stall-seconds", type=float, default=4.0)
    parser.add_argument("--respond", action="append",
                        help="METHOD:N:STATUS[:text|html|redirect|tus|none]; N=0 means every time;"
                        " none hangs up without an answer")
    parser.add_argument("--captive-all", action="store_true")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()
    host, port = args.target.rsplit(":", 1)
    faults = Faults(args)

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, LINK_BUFFER)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(64)
    context = None
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
    def report(*_):
        # How many body bytes got through in all: with the bytes the client sent, it tells what
        # a cut lost in the link from what the server received and did not keep.
        log(f"forwarded {faults.body_bytes} body bytes in all")
        log(f"held at cuts {faults.cut_read_tail} read {faults.cut_receive_queue} queued in all")
        sys.exit(0)

    signal.signal(signal.SIGTERM, report)
    print(f"proxy listening on {listener.getsockname()[1]}", flush=True)
    while True:
        client, _ = listener.accept()
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if context:
            try:
                client = context.wrap_socket(client, server_side=True)
            except (ssl.SSLError, OSError) as e:
                log(f"TLS handshake failed: {e}")
                client.close()
                continue
        conn = Connection(client, faults, (host, int(port)), context is not None)
        threading.Thread(target=conn.run, daemon=True).start()


if __name__ == "__main__":
    main()
