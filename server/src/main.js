#!/usr/bin/env node
// Entry point: node src/main.js --data DIR [--host H] [--port P] [--keys DIR]
// Prints the receipt public key and "listening on ..." on stdout; tests and
// the demo scripts wait for those lines.
import { createApp } from './app.js';
import { parseCommandLine, USAGE } from './args.js';
import { log } from './log.js';

async function main() {
  let config;
  try {
    config = parseCommandLine(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const app = await createApp(config);
  if (app.key.created) log(`generated receipt signing key ${app.key.file}`);
  process.stdout.write(`receipt public key: ${app.key.publicKeyBase64}\n`);

  const address = await app.listen(config.host, config.port);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  process.stdout.write(`listening on http://${host}:${address.port}\n`);

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    app.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`amicus-server: ${err.message}\n`);
  process.exit(1);
});
