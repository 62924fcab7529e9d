// Command-line options. Kept apart from main.js so tests and other callers can
// build the same configuration without spawning a process.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MIN_ENVELOPE_BYTES } from './envelope-size.js';

const GIB = 1024 * 1024 * 1024;
export const DEFAULT_MAX_SIZE = 2 * GIB; // benchmarks upload 1 GiB
export const DEFAULT_EXPIRE_SECONDS = 24 * 60 * 60;

// Defaults of the resource caps (issue #15): tusd closes a connection that
// sends nothing for 60 s; the rest are sized for one secretariat's endpoint.
export const DEFAULTS = {
  idleTimeout: 60,
  headersTimeout: 20,
  maxConnections: 512,
  maxConnectionsPerAddress: 16,
  maxUnfinished: 1000,
  maxUnfinishedBytes: 64 * GIB,
  maxUnfinishedPerAddress: 8,
  maxUnfinishedBytesPerAddress: 4 * GIB,
};

export const USAGE = `usage: node src/main.js --data DIR [--host 127.0.0.1] [--port 1080]
       [--keys DIR] [--max-size BYTES] [--expire-seconds N] [--trust-proxy]
       [--s3-endpoint URL --s3-bucket NAME [--s3-region R] [--s3-credentials FILE] --redis URL]
       [--idle-timeout S] [--headers-timeout S]
       [--max-connections N] [--max-connections-per-address N]
       [--max-unfinished N] [--max-unfinished-bytes BYTES]
       [--max-unfinished-per-address N] [--max-unfinished-bytes-per-address BYTES]
       [--cors-origin ORIGIN]...

  --max-size BYTES   largest upload while no catalog is published (a listed
                     call's limits, or Amicus's defaults where it sets none,
                     apply otherwise); at least ${MIN_ENVELOPE_BYTES} (default ${DEFAULT_MAX_SIZE})
  --idle-timeout S   close a connection that sends or takes nothing for S
                     seconds (default ${DEFAULTS.idleTimeout})
  --headers-timeout S  close a connection whose request headers take longer
                     (default ${DEFAULTS.headersTimeout})
  --max-connections N, --max-connections-per-address N
                     open connections in total and per client address
                     (defaults ${DEFAULTS.maxConnections}, ${DEFAULTS.maxConnectionsPerAddress}; the per-address cap is
                     the proxy's job with --trust-proxy, and is off then)
  --max-unfinished N, --max-unfinished-bytes BYTES
                     unfinished uploads held at once and the bytes they
                     declare (defaults ${DEFAULTS.maxUnfinished}, ${DEFAULTS.maxUnfinishedBytes}); beyond: 507
  --max-unfinished-per-address N, --max-unfinished-bytes-per-address BYTES
                     the same per client address (defaults ${DEFAULTS.maxUnfinishedPerAddress},
                     ${DEFAULTS.maxUnfinishedBytesPerAddress}); beyond: 429
  --cors-origin ORIGIN  let a browser page of this origin call the endpoint
                     (repeatable; no CORS headers at all without it)
  --trust-proxy      build upload URLs from the Forwarded / X-Forwarded-Host /
                     X-Forwarded-Proto headers and take the client address
                     from X-Forwarded-For; only behind a reverse proxy that
                     sets them (otherwise any client could choose its Location).
  --redis URL        several processes: the upload lock and the receipt claim in
                     Redis. Alone: processes on one host sharing --data (its file
                     store and receipts). With --s3-endpoint, --s3-bucket: processes
                     on any hosts, uploads and receipts in that S3 bucket. S3 credentials:
                     AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment or
                     from --s3-credentials FILE (KEY=value lines). The caps on
                     unfinished uploads then count per process.`;

function nonNegativeInt(name, text) {
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a non-negative integer`);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`--${name} is too large`);
  return n;
}

function positiveInt(name, text) {
  const n = nonNegativeInt(name, text);
  if (n === 0) throw new Error(`--${name} must be at least 1`);
  return n;
}

function origin(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--cors-origin ${text} is not an origin (scheme://host[:port])`);
  }
  if (url.origin === 'null' || `${url.origin}` !== text.replace(/\/$/, '')) {
    throw new Error(`--cors-origin ${text} is not an origin (scheme://host[:port])`);
  }
  return url.origin;
}

export function parseCommandLine(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      data: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '1080' },
      keys: { type: 'string' },
      'max-size': { type: 'string', default: String(DEFAULT_MAX_SIZE) },
      'expire-seconds': { type: 'string', default: String(DEFAULT_EXPIRE_SECONDS) },
      'trust-proxy': { type: 'boolean', default: false },
      's3-endpoint': { type: 'string' },
      's3-bucket': { type: 'string' },
      's3-region': { type: 'string', default: 'us-east-1' },
      's3-credentials': { type: 'string' },
      redis: { type: 'string' },
      'idle-timeout': { type: 'string', default: String(DEFAULTS.idleTimeout) },
      'headers-timeout': { type: 'string', default: String(DEFAULTS.headersTimeout) },
      'max-connections': { type: 'string', default: String(DEFAULTS.maxConnections) },
      'max-connections-per-address': { type: 'string', default: String(DEFAULTS.maxConnectionsPerAddress) },
      'max-unfinished': { type: 'string', default: String(DEFAULTS.maxUnfinished) },
      'max-unfinished-bytes': { type: 'string', default: String(DEFAULTS.maxUnfinishedBytes) },
      'max-unfinished-per-address': { type: 'string', default: String(DEFAULTS.maxUnfinishedPerAddress) },
      'max-unfinished-bytes-per-address': {
        type: 'string',
        default: String(DEFAULTS.maxUnfinishedBytesPerAddress),
      },
      'cors-origin': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  if (!values.data) throw new Error('--data DIR is required');
  const port = nonNegativeInt('port', values.port);
  if (port > 65535) throw new Error('--port must be at most 65535');
  // 0 used to mean "no limit" to @tus/server: an operator must name a size.
  const maxSize = nonNegativeInt('max-size', values['max-size']);
  if (maxSize < MIN_ENVELOPE_BYTES) {
    throw new Error(`--max-size must be at least ${MIN_ENVELOPE_BYTES} (the smallest envelope)`);
  }
  const dataDir = path.resolve(values.data);
  return {
    help: false,
    dataDir,
    keysDir: path.resolve(values.keys ?? path.join(dataDir, 'keys')),
    host: values.host,
    port,
    maxSize,
    expireSeconds: nonNegativeInt('expire-seconds', values['expire-seconds']),
    trustProxy: values['trust-proxy'],
    s3Endpoint: values['s3-endpoint'],
    s3Bucket: values['s3-bucket'],
    s3Region: values['s3-region'],
    s3CredentialsFile: values['s3-credentials'] && path.resolve(values['s3-credentials']),
    redisUrl: values.redis,
    idleTimeoutSeconds: positiveInt('idle-timeout', values['idle-timeout']),
    headersTimeoutSeconds: positiveInt('headers-timeout', values['headers-timeout']),
    maxConnections: positiveInt('max-connections', values['max-connections']),
    maxConnectionsPerAddress: positiveInt('max-connections-per-address', values['max-connections-per-address']),
    caps: {
      totalCount: positiveInt('max-unfinished', values['max-unfinished']),
      totalBytes: positiveInt('max-unfinished-bytes', values['max-unfinished-bytes']),
      perAddressCount: positiveInt('max-unfinished-per-address', values['max-unfinished-per-address']),
      perAddressBytes: positiveInt('max-unfinished-bytes-per-address', values['max-unfinished-bytes-per-address']),
    },
    corsOrigins: values['cors-origin'].map(origin),
  };
}
