// Small helpers for the routes we answer ourselves (not tus). Every answer is
// JSON so a client never has to guess what an error page means.
import { RECEIPT_HEADER, SIGNATURE_HEADER } from './receipts.js';

// No browser client exists, so no CORS headers unless the operator allows an
// origin (--cors-origin); then only that origin is named, never "*".
export function corsHeadersFor(origin, allowedOrigins) {
  if (typeof origin !== 'string' || !allowedOrigins.includes(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': `ETag, ${RECEIPT_HEADER}, ${SIGNATURE_HEADER}`,
    Vary: 'Origin',
  };
}

export function send(res, status, body, headers = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const payload = body === null || body === undefined ? null : Buffer.isBuffer(body) ? body : Buffer.from(body);
  const all = { ...headers };
  if (payload !== null) all['Content-Length'] = String(payload.length);
  res.writeHead(status, all);
  if (payload !== null && res.req?.method !== 'HEAD') res.end(payload);
  else res.end();
}

export function sendJson(res, status, value, headers = {}) {
  send(res, status, JSON.stringify(value), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
}
