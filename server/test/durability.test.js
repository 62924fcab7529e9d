// Issue #15, finding 6: a receipt must never outlive the bytes it names. The
// endpoint fsyncs the upload, its tus info and their directory before it signs
// (strace shows the order), and kill -9 during a PATCH or between the last
// byte and the receipt loses nothing a receipt promises: after a restart every
// receipt names bytes that are there, and the sender finishes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  createUpload,
  head,
  newSubmissionId,
  patch,
  sha256Hex,
  startServer,
  tempDir,
  verifyReceipt,
} from './helpers/server.js';

function haveStrace() {
  try {
    execFileSync('strace', ['-qq', '-e', 'trace=none', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
// scripts/setup-debian.sh installs strace; without it (or without ptrace) these are skipped, said so.
const strace = haveStrace() ? false : 'strace is missing or ptrace is not allowed';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A server under strace is stopped through its own pid (strace would only detach).
async function stopTraced(srv, signal = 'SIGTERM') {
  if (srv.child.exitCode === null && srv.child.signalCode === null) process.kill(tracedPid(srv.child.pid), signal);
  return srv.exited;
}

// The node process strace started (strace itself is not the server).
function tracedPid(stracePid) {
  for (let i = 0; i < 100; i++) {
    try {
      const children = fs.readFileSync(`/proc/${stracePid}/task/${stracePid}/children`, 'utf8').trim();
      if (children) return Number(children.split(/\s+/)[0]);
    } catch {
      // not yet
    }
    execFileSync('sleep', ['0.05']);
  }
  throw new Error('no traced child');
}

// Every receipt on disk names an upload whose bytes are there, with its hash.
function checkReceiptsAgainstBytes(dataDir, publicKey) {
  const dir = path.join(dataDir, 'receipts');
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
  for (const name of names) {
    const record = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    const receipt = JSON.parse(record.receipt);
    assert.ok(verifyReceipt(publicKey, Buffer.from(record.receipt), record.signature), name);
    const bytes = fs.readFileSync(path.join(dataDir, 'uploads', receipt.upload_id));
    assert.equal(bytes.length, receipt.size, name);
    assert.equal(sha256Hex(bytes), receipt.sha256, name);
  }
  return names.length;
}

// The sender's way back after any interruption: HEAD, PATCH the rest (or a
// zero-length PATCH when all is there); returns the final answer.
async function finishAsTheSenderDoes(location, bytes) {
  const h = await head(location);
  assert.equal(h.status, 200);
  const offset = Number(h.headers.get('upload-offset'));
  assert.ok(offset <= bytes.length);
  const res = await patch(location, offset, bytes.subarray(offset));
  assert.equal(res.status, 204);
  return res;
}

describe('durability', () => {
  test('fsync of the upload, its info and the directory come before the receipt is linked', { skip: strace }, async () => {
    const trace = path.join(tempDir(), 'trace.txt');
    const srv = await startServer({
      wrapper: ['strace', '-f', '-y', '-qq', '-o', trace, '-e', 'trace=fsync,fdatasync,link,linkat,rename,renameat,renameat2'],
    });
    try {
      const sid = newSubmissionId();
      const bytes = crypto.randomBytes(256 * 1024);
      const created = await createUpload(srv.url, { length: bytes.length, metadata: { submission_id: sid, call_id: 'c' } });
      assert.equal(created.status, 201);
      const location = new URL(created.headers.get('location'), srv.url).href;
      const id = location.split('/').pop();
      assert.equal((await patch(location, 0, bytes.subarray(0, 100_000))).status, 204);
      const before = fs.readFileSync(trace, 'utf8').split('\n').length;
      const last = await patch(location, 100_000, bytes.subarray(100_000));
      assert.equal(last.status, 204);
      assert.ok(last.headers.get('amicus-receipt'));
      await sleep(200);
      const lines = fs.readFileSync(trace, 'utf8').split('\n').slice(before - 1);
      const at = (re, what) => {
        const i = lines.findIndex((l) => re.test(l) && /= 0$/.test(l.trim()));
        assert.ok(i >= 0, `${what} not traced:\n${lines.join('\n')}`);
        return i;
      };
      const uploads = path.join(srv.dataDir, 'uploads');
      const receipts = path.join(srv.dataDir, 'receipts');
      const order = [
        at(new RegExp(`fsync\\(\\d+<${uploads}/${id}>\\)`), 'fsync of the upload'),
        at(new RegExp(`fsync\\(\\d+<${uploads}/${id}\\.json>\\)`), 'fsync of its info'),
        at(new RegExp(`fsync\\(\\d+<${uploads}>\\)`), 'fsync of the uploads directory'),
        at(new RegExp(`fsync\\(\\d+<${receipts}/\\.${sid}\\.[^>]*\\.tmp>\\)`), 'fsync of the receipt'),
        at(new RegExp(`link(at)?\\(.*"${receipts}/${sid}\\.json"`), 'link of the receipt'),
        at(new RegExp(`fsync\\(\\d+<${receipts}>\\)`), 'fsync of the receipts directory'),
      ];
      for (let i = 1; i < order.length; i++) {
        assert.ok(order[i - 1] < order[i], `out of order:\n${order.map((k) => lines[k]).join('\n')}`);
      }
    } finally {
      await stopTraced(srv);
    }
  });

  test('kill -9 during a PATCH: after a restart the sender resumes and the receipt names the bytes', async () => {
    const dataDir = tempDir();
    let srv = await startServer({ dataDir });
    const sid = newSubmissionId();
    const bytes = crypto.randomBytes(4 * 1024 * 1024);
    const created = await createUpload(srv.url, { length: bytes.length, metadata: { submission_id: sid, call_id: 'c' } });
    const uploadPath = new URL(created.headers.get('location'), srv.url).pathname;
    // A PATCH that sends 1.5 MiB, then trickles: the server dies in the middle of it.
    const stream = new ReadableStream({
      async start(controller) {
        controller.enqueue(bytes.subarray(0, 1536 * 1024));
        for (let off = 1536 * 1024; off < bytes.length; off += 4096) {
          await sleep(20);
          try {
            controller.enqueue(bytes.subarray(off, off + 4096));
          } catch {
            return;
          }
        }
        controller.close();
      },
    });
    const cut = patch(`${srv.url}${uploadPath}`, 0, stream, { duplex: 'half' }).catch((err) => err);
    const file = path.join(dataDir, 'uploads', uploadPath.split('/').pop());
    for (let i = 0; i < 200 && (!fs.existsSync(file) || fs.statSync(file).size < 1024 * 1024); i++) await sleep(20);
    srv.child.kill('SIGKILL');
    await srv.exited;
    await cut;
    srv = await startServer({ dataDir });
    try {
      const location = `${srv.url}${uploadPath}`;
      const res = await finishAsTheSenderDoes(location, bytes);
      const receipt = JSON.parse(Buffer.from(res.headers.get('amicus-receipt'), 'base64'));
      assert.equal(receipt.sha256, sha256Hex(bytes));
      assert.equal(receipt.size, bytes.length);
      assert.equal(checkReceiptsAgainstBytes(dataDir, srv.publicKeyBase64), 1);
    } finally {
      await srv.stop();
    }
  });

  test('kill -9 between the last byte and the receipt: the receipt comes at restart, for bytes that are there', { skip: strace }, async () => {
    const dataDir = tempDir();
    // Every fsync takes 1.5 s: the window between the last byte and the receipt, held open.
    let srv = await startServer({
      dataDir,
      wrapper: ['strace', '-f', '-qq', '-o', '/dev/null', '-e', 'trace=fsync', '-e', 'inject=fsync:delay_enter=1500000'],
    });
    const sid = newSubmissionId();
    const bytes = crypto.randomBytes(512 * 1024);
    const created = await createUpload(srv.url, { length: bytes.length, metadata: { submission_id: sid, call_id: 'c' } });
    const uploadPath = new URL(created.headers.get('location'), srv.url).pathname;
    const file = path.join(dataDir, 'uploads', uploadPath.split('/').pop());
    const answer = patch(`${srv.url}${uploadPath}`, 0, bytes).catch((err) => err);
    for (let i = 0; i < 200 && !(fs.existsSync(file) && fs.statSync(file).size === bytes.length); i++) await sleep(10);
    assert.equal(fs.statSync(file).size, bytes.length, 'the last byte arrived');
    await sleep(300);
    assert.ok(!fs.existsSync(path.join(dataDir, 'receipts', `${sid}.json`)), 'no receipt yet: inside the window');
    await stopTraced(srv, 'SIGKILL');
    const lost = await answer;
    assert.ok(lost instanceof Error, 'the sender never got its answer');
    srv = await startServer({ dataDir });
    try {
      // The start-up reconcile issued it; the sender, resuming, gets the same one.
      let stored;
      for (let i = 0; i < 100 && !stored; i++) {
        const r = await fetch(`${srv.url}/receipts/${sid}`);
        if (r.status === 200) stored = await r.json();
        else await sleep(50);
      }
      assert.ok(stored, 'receipt issued at restart');
      assert.equal(JSON.parse(stored.receipt).sha256, sha256Hex(bytes));
      const res = await finishAsTheSenderDoes(`${srv.url}${uploadPath}`, bytes);
      assert.equal(Buffer.from(res.headers.get('amicus-receipt'), 'base64').toString(), stored.receipt);
      assert.equal(checkReceiptsAgainstBytes(dataDir, srv.publicKeyBase64), 1);
    } finally {
      await srv.stop();
    }
  });
});
