// Starts the real server (src/main.js) as a child process on an ephemeral
// loopback port in a fresh temp directory, the way the C++ tests will.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { MIN_ENVELOPE_BYTES } from '../../src/envelope-size.js';

// Bytes of an upload just at the smallest size the endpoint accepts.
export function envelopeBytes(size = 2248, seed = 0) {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = (i * 131 + seed * 17 + 7) & 0xff;
  return out;
}

const MAIN = fileURLToPath(new URL('../../src/main.js', import.meta.url));

// Every temp dir made here is removed when the test process exits.
const madeDirs = [];
process.on('exit', () => {
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'amicus-server-test-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

// `wrapper` runs the server under another program (e.g. strace and its options).
export async function startServer({ dataDir = tempDir(), args = [], keysDir, wrapper = [] } = {}) {
  // Most tests make many unfinished uploads from 127.0.0.1: room for them, unless
  // a test names its own cap (the last occurrence of an option wins).
  const argv = [MAIN, '--data', dataDir, '--port', '0', '--max-unfinished-per-address', '200', ...args];
  if (keysDir) argv.push('--keys', keysDir);
  const command = wrapper.length > 0 ? wrapper[0] : process.execPath;
  const commandArgs = wrapper.length > 0 ? [...wrapper.slice(1), process.execPath, ...argv] : argv;
  const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  child.stdout.setEncoding('utf8');
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${stderr}`)), 15_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const key = /^receipt public key: (\S+)$/m.exec(stdout);
      const url = /^listening on (http:\/\/\S+)$/m.exec(stdout);
      if (key && url) {
        clearTimeout(timer);
        resolve({ publicKeyBase64: key[1], url: url[1] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${stderr}`));
    });
  });

  return {
    ...ready,
    dataDir,
    child,
    exited,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export function b64(text) {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function metadataHeader(fields) {
  return Object.entries(fields)
    .map(([k, v]) => (v === null ? k : `${k} ${b64(v)}`))
    .join(',');
}

export function newSubmissionId() {
  return crypto.randomUUID();
}

export function publicKeyFromRaw(base64) {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) throw new Error(`public key is ${raw.length} bytes, want 32`);
  return crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

// Verifies a receipt as the app will: signature over the exact bytes.
export function verifyReceipt(publicKeyBase64, receiptBytes, signatureBase64) {
  const sig = Buffer.from(signatureBase64, 'base64');
  if (sig.length !== 64) return false;
  return crypto.verify(null, receiptBytes, publicKeyFromRaw(publicKeyBase64), sig);
}

export function sha256Hex(bytes) {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

const TUS = { 'Tus-Resumable': '1.0.0' };

export async function createUpload(base, { length, metadata, headers = {} }) {
  const h = { ...TUS, ...headers };
  if (length !== undefined) h['Upload-Length'] = String(length);
  if (metadata !== undefined) h['Upload-Metadata'] = metadataHeader(metadata);
  return fetch(`${base}/files`, { method: 'POST', headers: h });
}

export async function patch(location, offset, bytes, headers = {}) {
  return fetch(location, {
    method: 'PATCH',
    headers: {
      ...TUS,
      'Upload-Offset': String(offset),
      'Content-Type': 'application/offset+octet-stream',
      ...headers,
    },
    body: bytes,
  });
}

export async function head(location) {
  return fetch(location, { method: 'HEAD', headers: TUS });
}

export async function terminate(location) {
  return fetch(location, { method: 'DELETE', headers: TUS });
}

// Creates an upload and sends it in `chunks` PATCHes; returns every response.
export async function uploadAll(base, bytes, metadata, chunks = 3) {
  const created = await createUpload(base, { length: bytes.length, metadata });
  if (created.status !== 201) throw new Error(`creation answered ${created.status}`);
  const location = new URL(created.headers.get('location'), base).href;
  const step = Math.ceil(bytes.length / chunks);
  let last;
  for (let off = 0; off < bytes.length; off += step) {
    last = await patch(location, off, bytes.subarray(off, Math.min(off + step, bytes.length)));
    if (last.status !== 204) throw new Error(`PATCH at ${off} answered ${last.status}`);
  }
  return { location, last, uploadId: location.split('/').pop() };
}
