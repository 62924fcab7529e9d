#!/usr/bin/env node
// A TLS terminator for tests, as a secretariat deploys the endpoint: HTTPS on
// loopback in front of the plain endpoint (run with --trust-proxy), adding
// X-Forwarded-Proto/-Host/-For the way nginx's proxy_set_header lines do.
//   node tls-terminator.js --cert PEM --key PEM --upstream-port N
// Prints "listening on https://127.0.0.1:<port>" when ready.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    cert: { type: 'string' },
    key: { type: 'string' },
    'upstream-port': { type: 'string' },
  },
});

const upstreamPort = Number(values['upstream-port']);
const server = https.createServer({ cert: fs.readFileSync(values.cert), key: fs.readFileSync(values.key) }, (req, res) => {
  const headers = { ...req.headers };
  headers['x-forwarded-proto'] = 'https';
  headers['x-forwarded-host'] = req.headers.host ?? '';
  const prior = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = prior ? `${prior}, ${req.socket.remoteAddress}` : req.socket.remoteAddress;
  const upstream = http.request(
    { host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers },
    (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
});
server.on('tlsClientError', () => {});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on https://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
