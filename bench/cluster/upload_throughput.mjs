// Upload throughput of the scale-out set-up against the single process, same machine, same
// run: the S3 store (Ceph radosgw) behind nginx, the S3 store on one process directly (to
// separate nginx's share), and the file store on one process directly (the peer).
// Each: RUNS uploads of SIZE bytes in PATCHes of CHUNK bytes; the median run is reported
// with where its time went: the PATCHes before the last (bytes in, parts out to S3) and the
// last PATCH (the rest, completing the multipart upload, reading the object back for the
// receipt's SHA-256, the receipt's claim and copy).
// Usage: CLUSTER_DIR=... node bench/cluster/upload_throughput.mjs   (bench/cluster/run.sh)
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createUpload, loadCluster, patch, receiptOf } from '../../server/test/cluster/cluster-client.js';

const SIZE = Number(process.env.BENCH_SIZE ?? 64 << 20);
const CHUNK = Number(process.env.BENCH_CHUNK ?? 8 << 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MAIN = fileURLToPath(new URL('../../server/src/main.js', import.meta.url));

async function startFileStoreEndpoint() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amicus-bench-filestore-'));
  const child = spawn(process.execPath, [MAIN, '--data', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^listening on (\S+)$/m.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error('file-store endpoint did not start')));
  });
  return {
    url,
    stop() {
      child.kill('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function uploadOnce(base, data) {
  const started = performance.now();
  const uploadPath = await createUpload(base, { submissionId: crypto.randomUUID(), length: data.length });
  const created = performance.now();
  let offset = 0;
  let lastPatchMs = 0;
  let receipt = null;
  while (offset < data.length) {
    const piece = data.subarray(offset, Math.min(data.length, offset + CHUNK));
    const t = performance.now();
    const res = await patch(base, uploadPath, offset, piece);
    if (res.status !== 204) throw new Error(`PATCH answered ${res.status}`);
    offset += piece.length;
    if (offset === data.length) {
      lastPatchMs = performance.now() - t;
      receipt = receiptOf(res);
    }
  }
  if (!receipt) throw new Error('no receipt');
  const totalMs = performance.now() - started;
  return { totalMs, createMs: created - started, patchesMs: totalMs - (created - started) - lastPatchMs, lastPatchMs };
}

async function measure(label, base, data) {
  await uploadOnce(base, data.subarray(0, 1 << 20)); // warm-up
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await uploadOnce(base, data));
  runs.sort((a, b) => a.totalMs - b.totalMs);
  const median = runs[Math.floor(runs.length / 2)];
  const mibPerS = data.length / (1 << 20) / (median.totalMs / 1000);
  console.log(
    `${label.padEnd(28)} ${mibPerS.toFixed(1).padStart(6)} MiB/s  total ${median.totalMs.toFixed(0)} ms = ` +
      `create ${median.createMs.toFixed(0)} + PATCHes before the last ${median.patchesMs.toFixed(0)} + ` +
      `last PATCH (completion, receipt) ${median.lastPatchMs.toFixed(0)}`,
  );
  return { label, mibPerS, ...median };
}

const cluster = loadCluster();
const fileStore = await startFileStoreEndpoint();
try {
  const data = crypto.randomBytes(SIZE);
  console.log(`${RUNS} uploads of ${SIZE >> 20} MiB in ${CHUNK >> 20} MiB PATCHes each, median:`);
  const file = await measure('file store, direct', fileStore.url, data);
  const s3Direct = await measure('S3 store, one process', cluster.env.ENDPOINT_1, data);
  const s3Nginx = await measure('S3 store, behind nginx', cluster.env.ENDPOINT_URL, data);
  const ratio = s3Nginx.mibPerS / file.mibPerS;
  console.log(`ratio S3 behind nginx / file store direct: ${ratio.toFixed(2)}`);
  console.log(`nginx's share: ${(100 * (1 - s3Nginx.mibPerS / s3Direct.mibPerS)).toFixed(0)}% of the S3 store's throughput`);
  console.log(
    JSON.stringify({
      name: 'cluster.upload_throughput',
      ratio,
      subject: { label: 'S3 store behind nginx', value: s3Nginx.mibPerS, unit: 'MiB/s' },
      peer: { label: 'file store direct', value: file.mibPerS, unit: 'MiB/s' },
      s3_one_process: s3Direct.mibPerS,
    }),
  );
} finally {
  fileStore.stop();
  await cluster.close();
}
