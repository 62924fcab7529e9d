// @tus/server sets Access-Control-* headers on its answers whatever the request's origin
// (Expose-Headers on all, Allow-Methods/-Headers/Max-Age on OPTIONS). No browser client
// exists: unless the operator allowed the request's origin (--cors-origin), they go.
const CORS_HEADER = /^access-control-/i;

function withoutCors(headers) {
  if (Array.isArray(headers)) {
    // [[name, value], ...] or the flat [name, value, name, value, ...] form.
    if (headers.length > 0 && Array.isArray(headers[0])) return headers.filter(([name]) => !CORS_HEADER.test(name));
    const kept = [];
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (!CORS_HEADER.test(headers[i])) kept.push(headers[i], headers[i + 1]);
    }
    return kept;
  }
  if (headers && typeof headers === 'object') {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => !CORS_HEADER.test(name)));
  }
  return headers;
}

// Makes this one response drop every CORS header, however its writer passes them.
export function dropCorsHeaders(res) {
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadWithoutCors(status, ...rest) {
    for (const name of res.getHeaderNames()) if (CORS_HEADER.test(name)) res.removeHeader(name);
    const args = rest.map((arg) => (typeof arg === 'string' ? arg : withoutCors(arg)));
    return writeHead.call(this, status, ...args);
  };
}
