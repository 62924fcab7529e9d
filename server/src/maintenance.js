// Background upkeep of the upload directory.
//
// Expiry: @tus/file-store's own deleteExpired() compares against the offset
// saved at creation (always 0), so it would also delete *finished* uploads,
// i.e. delivered submissions. We sweep ourselves and only remove unfinished
// uploads older than the expiration period.
//
// Reconciliation: if the process died between the last byte and the receipt,
// the upload is complete but has no receipt; issue it at start-up so
// GET /receipts/<id> can answer.
import fs from 'node:fs/promises';
import path from 'node:path';
import { idDigest, log } from './log.js';
import { isValidSubmissionId } from './metadata.js';

async function uploadStates(store, uploadsDir) {
  let ids;
  try {
    ids = await store.configstore.list();
  } catch {
    return [];
  }
  const states = [];
  for (const id of ids) {
    const info = await store.configstore.get(id);
    if (!info) continue;
    let stored;
    try {
      stored = (await fs.stat(path.join(uploadsDir, id))).size;
    } catch {
      continue;
    }
    states.push({ id, info, finished: info.size !== undefined && info.size !== null && stored === info.size });
  }
  return states;
}

// `onRemoved(id)` hears of each upload removed (the ledger frees its room).
export async function removeExpiredUnfinished(store, uploadsDir, expireMs, now = Date.now(), onRemoved = () => {}) {
  if (!(expireMs > 0)) return 0;
  let removed = 0;
  for (const { id, info, finished } of await uploadStates(store, uploadsDir)) {
    if (finished || !info.creation_date) continue;
    if (now > new Date(info.creation_date).getTime() + expireMs) {
      try {
        await store.remove(id);
        removed += 1;
      } catch {
        // Already gone (client terminated it meanwhile).
      }
      onRemoved(id);
    }
  }
  return removed;
}

// Unfinished uploads on disk: { id, declared } (declared 0 for a deferred length).
export async function unfinishedUploads(store, uploadsDir) {
  return (await uploadStates(store, uploadsDir))
    .filter(({ finished }) => !finished)
    .map(({ id, info }) => ({ id, declared: Number.isSafeInteger(info.size) ? info.size : 0 }));
}

// `makeDurable(id)` fsyncs an upload before its receipt names it.
export async function issueMissingReceipts(store, uploadsDir, receipts, makeDurable = async () => {}) {
  let issuedCount = 0;
  for (const { id, info, finished } of await uploadStates(store, uploadsDir)) {
    const submissionId = info.metadata?.submission_id;
    if (!finished || !isValidSubmissionId(submissionId)) continue;
    try {
      await makeDurable(id);
      const { issued } = await receipts.issue({
        submissionId,
        uploadId: id,
        file: path.join(uploadsDir, id),
      });
      if (issued) issuedCount += 1;
    } catch (err) {
      log(`reconcile failed upload=${idDigest(id)}: ${err.message}`);
    }
  }
  return issuedCount;
}

// Runs the expiry sweep periodically; returns a stop function.
export function startExpirySweep(store, uploadsDir, expireMs, onRemoved = () => {}) {
  if (!(expireMs > 0)) return () => {};
  const every = Math.max(1000, Math.min(expireMs / 2, 10 * 60 * 1000));
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const n = await removeExpiredUnfinished(store, uploadsDir, expireMs, Date.now(), onRemoved);
      if (n > 0) log(`expired ${n} unfinished upload(s)`);
    } catch (err) {
      log(`expiry sweep failed: ${err.message}`);
    } finally {
      running = false;
    }
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
