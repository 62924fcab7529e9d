// The HTTP front: routes /catalog, /catalog.sig and /receipts/<id> itself,
// hands /files to @tus/server after the Amicus creation checks, and answers
// 404 JSON for everything else. One log line per finished request. Idle and
// header timeouts and connection caps keep silent sockets from piling up.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { DEFAULTS } from './args.js';
import { Catalog, etagMatches } from './catalog.js';
import { dropCorsHeaders } from './cors-off.js';
import { guardConnections } from './connection-guard.js';
import { keepReceivedBody } from './keep-received.js';
import { loadOrCreateReceiptKey } from './keys.js';
import { log, safePath } from './log.js';
import { issueMissingReceipts, startExpirySweep, unfinishedUploads } from './maintenance.js';
import { parseUploadMetadata } from './metadata.js';
import { ReceiptStore, receiptHeaders } from './receipts.js';
import { corsHeadersFor, send, sendJson } from './respond.js';
import { createScaleOut } from './scale-out.js';
import { createTusServer, creationProblem, TUS_PATH } from './tus.js';
import { UploadLedger } from './upload-ledger.js';

const RECEIPT_ROUTE = /^\/receipts\/([^/]+)$/;

function pathnameOf(rawUrl) {
  // Only origin-form targets ("/x?y") are routed; anything else is garbage.
  if (typeof rawUrl !== 'string' || !rawUrl.startsWith('/')) return null;
  const q = rawUrl.indexOf('?');
  return q === -1 ? rawUrl : rawUrl.slice(0, q);
}

function tusJson(res, status, value, extra = {}) {
  sendJson(res, status, value, { 'Tus-Resumable': '1.0.0', ...extra });
}

export async function createApp(config) {
  const {
    dataDir,
    keysDir,
    maxSize,
    expireSeconds,
    trustProxy = false,
    corsOrigins = [],
    idleTimeoutSeconds = DEFAULTS.idleTimeout,
    headersTimeoutSeconds = DEFAULTS.headersTimeout,
    maxConnections = DEFAULTS.maxConnections,
    maxConnectionsPerAddress = DEFAULTS.maxConnectionsPerAddress,
    caps = {
      totalCount: DEFAULTS.maxUnfinished,
      totalBytes: DEFAULTS.maxUnfinishedBytes,
      perAddressCount: DEFAULTS.maxUnfinishedPerAddress,
      perAddressBytes: DEFAULTS.maxUnfinishedBytesPerAddress,
    },
  } = config;
  const uploadsDir = path.join(dataDir, 'uploads');
  fs.mkdirSync(uploadsDir, { recursive: true, mode: 0o700 });

  const key = loadOrCreateReceiptKey(keysDir);
  // Several processes (--redis, and --s3-endpoint for several hosts): shared lock and receipts.
  const shared = await createScaleOut(config, key.privateKey);
  // Uploads on the data directory's file store: one process, or several sharing it.
  const onFileStore = !shared?.store;
  const receipts = shared?.receipts ?? new ReceiptStore(path.join(dataDir, 'receipts'), key.privateKey);
  await receipts.init();
  const catalog = new Catalog(keysDir);
  const ledger = new UploadLedger(caps);
  const {
    server: tus,
    store,
    makeDurable,
  } = createTusServer({
    uploadsDir,
    expireSeconds,
    maxSize,
    catalog,
    receipts,
    ledger,
    trustProxy,
    corsOrigins,
    datastore: shared?.store,
    locker: shared?.locker,
    removeUpload: shared?.removeUpload,
    severalProcesses: Boolean(shared),
  });
  const cors = (req) => corsHeadersFor(req.headers.origin, corsOrigins);

  // Creation checks done here (not only in the tus hook) so the refusal can
  // carry JSON and, for a duplicate, the receipt headers.
  async function precheckCreation(req, res) {
    if (req.headers['tus-resumable'] !== '1.0.0') return false; // tus answers 412
    const header = req.headers['upload-metadata'];
    if (header === undefined) {
      tusJson(res, 400, { error: 'missing_submission_id' });
      return true;
    }
    const meta = parseUploadMetadata(header);
    const problem = creationProblem(meta, req.headers['upload-length'], catalog);
    if (problem) {
      tusJson(res, problem.status, { error: problem.error });
      return true;
    }
    const existing = await receipts.get(meta.submission_id);
    if (existing) {
      tusJson(res, 409, { error: 'duplicate_submission', ...existing }, receiptHeaders(existing));
      return true;
    }
    return false;
  }

  function serveWatched(req, res, file, contentType) {
    if (!file) return sendJson(res, 404, { error: 'unknown' });
    const headers = { ETag: file.etag, 'Cache-Control': 'no-cache' };
    if (etagMatches(req.headers['if-none-match'], file.etag)) return send(res, 304, null, headers);
    return send(res, 200, file.bytes, { ...headers, 'Content-Type': contentType });
  }

  async function route(req, res) {
    const pathname = pathnameOf(req.url);
    const method = req.method;
    if (pathname === null) return sendJson(res, 404, { error: 'not_found' });

    if (pathname === TUS_PATH || pathname.startsWith(`${TUS_PATH}/`)) {
      // Stored envelopes are for the secretariat's tools, not for download.
      if (method === 'GET') return sendJson(res, 404, { error: 'not_found' });
      if (method === 'POST' && (await precheckCreation(req, res))) return undefined;
      if (!corsOrigins.includes(req.headers.origin)) dropCorsHeaders(res);
      if (method === 'PATCH') return tus.handle(keepReceivedBody(req), res);
      return tus.handle(req, res);
    }

    // tus sets its own CORS headers (only for an allowed origin); these are ours.
    for (const [name, value] of Object.entries(cors(req))) res.setHeader(name, value);
    const isRead = method === 'GET' || method === 'HEAD';
    if (pathname === '/catalog' || pathname === '/catalog.sig') {
      if (!isRead) return sendJson(res, 405, { error: 'method_not_allowed' }, { Allow: 'GET, HEAD' });
      return pathname === '/catalog'
        ? serveWatched(req, res, catalog.catalogFile(), 'application/json')
        : serveWatched(req, res, catalog.signatureFile(), 'text/plain; charset=us-ascii');
    }

    const m = RECEIPT_ROUTE.exec(pathname);
    if (m) {
      if (!isRead) return sendJson(res, 405, { error: 'method_not_allowed' }, { Allow: 'GET, HEAD' });
      const raw = await receipts.getRaw(m[1]);
      if (!raw) return sendJson(res, 404, { error: 'unknown' });
      return send(res, 200, raw, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    }

    return sendJson(res, 404, { error: 'not_found' });
  }

  // Header deadlines are checked on this period; a second keeps them close.
  const httpServer = http.createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${req.method} ${safePath(req.url)} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    res.on('close', () => {
      if (!res.writableFinished) log(`${req.method} ${safePath(req.url)} aborted`);
    });
    route(req, res).catch((err) => {
      log(`error on ${req.method} ${safePath(req.url)}: ${err?.message ?? err}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
      else res.destroy();
    });
  });
  // Malformed HTTP: answer 400 if the socket can still take it, never throw.
  httpServer.on('clientError', (err, socket) => {
    if (socket.writable && !socket.destroyed && err.code !== 'ECONNRESET') {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    } else {
      socket.destroy();
    }
  });
  // Long uploads on slow links: no overall request deadline, but a socket that
  // carries nothing for idleTimeout is destroyed (tusd's network timeout), and
  // request headers must be complete within headersTimeout (slow headers).
  httpServer.requestTimeout = 0;
  httpServer.timeout = idleTimeoutSeconds * 1000;
  httpServer.headersTimeout = headersTimeoutSeconds * 1000;
  httpServer.keepAliveTimeout = Math.min(30_000, idleTimeoutSeconds * 1000);
  let refusedConnections = 0;
  guardConnections(httpServer, {
    maxConnections,
    // Behind a proxy every connection comes from the proxy: it limits per client.
    maxPerAddress: trustProxy ? 0 : maxConnectionsPerAddress,
    onRefused: () => {
      refusedConnections += 1;
      // One line per hundred, so a flood cannot flood the log too.
      if (refusedConnections % 100 === 1) log(`connection refused: per-address cap (${refusedConnections} so far)`);
    },
  });

  let stopSweep = () => {};

  return {
    key,
    httpServer,
    uploadsDir,
    receipts,
    store,
    ledger,
    async listen(host, port) {
      // Uploads left from before a restart hold their room, attributed to no
      // address; counted before the first request can come in.
      // (The file store only: with S3 each process counts what it created.)
      if (onFileStore) {
        for (const { id, declared } of await unfinishedUploads(store, uploadsDir)) ledger.add(id, null, declared);
      }
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          // The file store's upkeep; with S3 see docs/secretariat.md (lifecycle rules).
          if (onFileStore) {
            stopSweep = startExpirySweep(store, uploadsDir, expireSeconds * 1000, (id) => ledger.remove(id));
            issueMissingReceipts(store, uploadsDir, receipts, makeDurable)
              .then((n) => n > 0 && log(`issued ${n} missing receipt(s) at start-up`))
              .catch((err) => log(`reconcile failed: ${err.message}`));
          }
          resolve(httpServer.address());
        });
      });
    },
    close(graceMs = 10_000) {
      stopSweep();
      return new Promise((resolve) => {
        const force = setTimeout(() => httpServer.closeAllConnections(), graceMs);
        force.unref();
        httpServer.close(() => {
          clearTimeout(force);
          Promise.resolve(shared?.close()).finally(resolve);
        });
        httpServer.closeIdleConnections();
      });
    },
  };
}
