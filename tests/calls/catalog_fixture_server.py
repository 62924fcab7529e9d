#!/usr/bin/env python3
"""A stand-in for the reference endpoint's catalog routes, for tests that need what it cannot
do (serve a captive portal's HTML page). Serves DIR/catalog.json at /catalog and
DIR/catalog.json.sig at /catalog.sig with a strong ETag and If-None-Match; while DIR/captive
exists, answers every GET with a 200 HTML page instead. Prints "listening on http://HOST:PORT".

For the HTTP client's tests it also serves /stall (headers, then silence for 30 s) and, with
--tls-cert/--tls-key, speaks HTTPS.

usage: catalog_fixture_server.py --keys DIR [--port 0] [--tls-cert PEM --tls-key PEM]
"""
import argparse
import hashlib
import http.server
import os
import ssl
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--data")  # accepted for command-line parity with the real server
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()
    keys = args.keys

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *unused):
            pass

        def send(self, status, body, headers):
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path == "/stall":
                self.send_response(200)
                self.send_header("Content-Length", "100")
                self.end_headers()
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(30)
                return None
            if os.path.exists(os.path.join(keys, "captive")):
                page = b"<!doctype html><title>Wi-Fi login</title><p>Please sign in.</p>"
                return self.send(200, page, {"Content-Type": "text/html; charset=utf-8"})
            files = {"/catalog": ("catalog.json", "application/json"),
                     "/catalog.sig": ("catalog.json.sig", "text/plain; charset=us-ascii")}
            if self.path not in files:
                return self.send(404, b'{"error":"not_found"}', {"Content-Type": "application/json"})
            name, content_type = files[self.path]
            try:
                with open(os.path.join(keys, name), "rb") as f:
                    body = f.read()
            except FileNotFoundError:
                return self.send(404, b'{"error":"unknown"}', {"Content-Type": "application/json"})
            etag = '"%s"' % hashlib.sha256(body).hexdigest()
            wanted = [t.strip().removeprefix("W/") for t in self.headers.get("If-None-Match", "").split(",")]
            if etag in wanted:
                return self.send(304, b"", {"ETag": etag})
            return self.send(200, body, {"ETag": etag, "Content-Type": content_type})

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    scheme = "http"
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    print("listening on %s://127.0.0.1:%d" % (scheme, server.server_address[1]), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
