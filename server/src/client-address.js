// The address a request comes from, for the per-address caps. Behind a
// trusted reverse proxy (--trust-proxy) that is the last hop the proxy added
// to X-Forwarded-For (or Forwarded: for=); everything before it was written
// by the client and proves nothing.
import net from 'node:net';

function lastForwardedFor(forwarded) {
  if (typeof forwarded !== 'string') return null;
  const elements = forwarded.split(',');
  const last = elements[elements.length - 1];
  for (const pair of last.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1 || pair.slice(0, eq).trim().toLowerCase() !== 'for') continue;
    let value = pair.slice(eq + 1).trim().replace(/^"|"$/g, '');
    // for="[2001:db8::1]:4711" and for=192.0.2.1:80: drop the brackets and the port.
    const bracketed = /^\[([^\]]+)\]/.exec(value);
    if (bracketed) value = bracketed[1];
    else if (value.split(':').length === 2) value = value.split(':')[0];
    return value;
  }
  return null;
}

function lastXForwardedFor(header) {
  if (typeof header !== 'string') return null;
  const parts = header.split(',');
  return parts[parts.length - 1].trim();
}

// A normalised address string (IPv4-mapped IPv6 as plain IPv4), or 'unknown'.
export function clientAddress(nodeReq, trustProxy) {
  let address = nodeReq?.socket?.remoteAddress ?? null;
  if (trustProxy && nodeReq?.headers) {
    const forwarded = lastXForwardedFor(nodeReq.headers['x-forwarded-for']) ?? lastForwardedFor(nodeReq.headers.forwarded);
    if (forwarded && net.isIP(forwarded)) address = forwarded;
  }
  if (typeof address !== 'string' || address === '') return 'unknown';
  return address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}
