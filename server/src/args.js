// Command-line options. Kept apart from main.js so tests and other callers can
// build the same configuration without spawning a process.
import path from 'node:path';
import { parseArgs } from 'node:util';

export const DEFAULT_MAX_SIZE = 2 * 1024 * 1024 * 1024; // 2 GiB: benchmarks upload 1 GiB
export const DEFAULT_EXPIRE_SECONDS = 24 * 60 * 60;

export const USAGE = `usage: node src/main.js --data DIR [--host 127.0.0.1] [--port 1080]
       [--keys DIR] [--max-size BYTES] [--expire-seconds N] [--trust-proxy]
       [--s3-endpoint URL --s3-bucket NAME [--s3-region R] [--s3-credentials FILE] --redis URL]

  --trust-proxy  build upload URLs from the Forwarded / X-Forwarded-Host /
                 X-Forwarded-Proto headers; only behind a reverse proxy that
                 sets them (otherwise any client could choose its Location).
  --s3-endpoint, --s3-bucket, --redis  several processes: uploads and receipts in an
                 S3 bucket, the upload lock and receipt claim in Redis. S3 credentials:
                 AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment or
                 from --s3-credentials FILE (KEY=value lines).`;

function nonNegativeInt(name, text) {
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a non-negative integer`);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`--${name} is too large`);
  return n;
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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  if (!values.data) throw new Error('--data DIR is required');
  const port = nonNegativeInt('port', values.port);
  if (port > 65535) throw new Error('--port must be at most 65535');
  const dataDir = path.resolve(values.data);
  return {
    help: false,
    dataDir,
    keysDir: path.resolve(values.keys ?? path.join(dataDir, 'keys')),
    host: values.host,
    port,
    maxSize: nonNegativeInt('max-size', values['max-size']),
    expireSeconds: nonNegativeInt('expire-seconds', values['expire-seconds']),
    trustProxy: values['trust-proxy'],
    s3Endpoint: values['s3-endpoint'],
    s3Bucket: values['s3-bucket'],
    s3Region: values['s3-region'],
    s3CredentialsFile: values['s3-credentials'] && path.resolve(values['s3-credentials']),
    redisUrl: values.redis,
  };
}
