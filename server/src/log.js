// One line per event on stderr. Callers pass only non-personal facts (method,
// route, status, upload id); Upload-Metadata values never reach this module.
export function log(message) {
  process.stderr.write(`${new Date().toISOString()} ${message}\n`);
}

// Request paths come from the network: cut them short and drop control
// characters so a hostile client cannot forge extra log lines.
export function safePath(rawUrl) {
  const text = String(rawUrl ?? '').split('?')[0];
  const clean = text.replace(/[^\x21-\x7e]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 120)}...` : clean;
}
