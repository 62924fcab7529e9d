// Caps on open connections, in total and per client address, so a crowd of
// silent sockets cannot take every descriptor the process has. Sockets over a
// cap are closed at once; the idle timeout closes the silent ones under it.
export function guardConnections(httpServer, { maxConnections, maxPerAddress, onRefused }) {
  if (maxConnections > 0) httpServer.maxConnections = maxConnections;
  if (!(maxPerAddress > 0)) return;
  const open = new Map();
  httpServer.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const n = (open.get(address) ?? 0) + 1;
    if (n > maxPerAddress) {
      onRefused?.(address);
      socket.destroy();
      return;
    }
    open.set(address, n);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
