// A PATCH whose connection breaks mid-body keeps every byte that arrived. Node destroys the
// request when its connection breaks, and @tus/server (2.4.5) then unpipes the body and ends
// its store's stream: what the request and the streams between them still held is dropped
// (about 100 KiB per cut, measured with bench sync.cuts), so the client sends it again. The
// tus protocol asks a server to store as much of an interrupted PATCH as it can: the request
// tus reads here is a view of the real one whose body is fed from it and simply ends, with
// everything received, when the connection breaks; the store writes it and the next HEAD
// (which waits for the PATCH's lock) reports it.
import { PassThrough } from 'node:stream';

// What may wait between the socket and the store per PATCH (backpressure beyond it).
export const KEPT_BODY_BUFFER = 256 * 1024;

export function keepReceivedBody(req) {
  const body = new PassThrough({ highWaterMark: KEPT_BODY_BUFFER });
  let ended = false;
  const endHere = () => {
    if (ended) return;
    ended = true;
    // What the request still buffers arrived too (at most its high-water mark and one socket
    // read): read() hands it to the pipe's 'data' listener before the body ends.
    while (req.read() !== null);
    req.unpipe(body);
    body.end();
  };
  req.on('end', () => {
    ended = true; // pipe ends the body itself
  });
  // The connection broke before the body's end: 'aborted' comes first, while the request's
  // buffer can still be read; 'error' and 'close' follow.
  req.once('aborted', endHere);
  req.once('error', endHere);
  req.once('close', () => {
    if (!req.complete) endHere();
  });
  req.pipe(body);
  // What @tus/server and its node adapter read of a request, taken from the real one.
  for (const name of ['method', 'url', 'headers', 'rawHeaders', 'httpVersion', 'socket']) {
    Object.defineProperty(body, name, { value: req[name], enumerable: true });
  }
  Object.defineProperty(body, 'complete', { get: () => req.complete });
  return body;
}
