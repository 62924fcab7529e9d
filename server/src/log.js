// One line per event on stderr. Callers pass only non-personal facts (method,
// route, status, digests of ids); Upload-Metadata values never reach this module.
import crypto from 'node:crypto';

export function log(message) {
  // Belt and braces: an upload id inside an error message (a file path) is digested too.
  const text = String(message).replace(/\b[0-9a-f]{32}\b/g, (id) => idDigest(id));
  process.stderr.write(`${new Date().toISOString()} ${text}\n`);
}

// An upload URL is the only key to PATCH into or DELETE an unfinished upload,
// and a submission id fetches its receipt: the log names them by a short
// digest that lets an operator match lines, never by the id itself.
export function idDigest(id) {
  return `#${crypto.createHash('sha256').update(String(id)).digest('hex').slice(0, 12)}`;
}

// Request paths come from the network: cut them short and drop control
// characters so a hostile client cannot forge extra log lines; the id in
// /files/<id> and /receipts/<id> is replaced by its digest.
export function safePath(rawUrl) {
  const text = String(rawUrl ?? '').split('?')[0];
  const withDigest = text.replace(/^\/(files|receipts)\/([^/]+)/, (_m, route, id) => `/${route}/${idDigest(id)}`);
  const clean = withDigest.replace(/[^\x21-\x7e]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 120)}...` : clean;
}
