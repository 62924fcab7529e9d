// The tus 1.0 route (/files) on @tus/server with its file store, plus the
// Amicus rules hooked into it: required metadata, known calls, per-call size
// limits, caps on unfinished uploads, and a signed receipt only once the bytes
// are on stable storage.
import fs from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { clientAddress } from './client-address.js';
import { syncDirectory, syncFile } from './durable.js';
import { MIN_ENVELOPE_BYTES } from './envelope-size.js';
import { idDigest, log } from './log.js';
import { checkCreationMetadata, isValidSubmissionId, parseUploadMetadata } from './metadata.js';
import { receiptHeaders, RECEIPT_HEADER, SIGNATURE_HEADER } from './receipts.js';

export const TUS_PATH = '/files';

// Seconds a refused client is asked to wait; the app keeps its own backoff.
export const BUSY_RETRY_AFTER_SECONDS = 60;

export function jsonError(status, body) {
  // @tus/server sends thrown { status_code, body } objects as the response.
  return { status_code: status, body: JSON.stringify(body) };
}

export function uploadIdOfReceipt(record) {
  try {
    return JSON.parse(record.receipt).upload_id;
  } catch {
    return undefined;
  }
}

// The creation refusals shared by the HTTP front (which answers them as JSON
// before tus runs) and the tus hook (the backstop): null when acceptable.
export function creationProblem(meta, uploadLength, catalog) {
  const problem = checkCreationMetadata(meta);
  if (problem) return { status: 400, error: problem };
  // Every Amicus envelope has a known length: a deferred one would escape the
  // caps on declared bytes.
  if (uploadLength === null || uploadLength === undefined) return { status: 400, error: 'length_required' };
  const length = Number(uploadLength);
  if (!/^\d+$/.test(String(uploadLength)) || !Number.isSafeInteger(length)) {
    return { status: 400, error: 'invalid_length' };
  }
  if (length < MIN_ENVELOPE_BYTES) return { status: 400, error: 'too_small_for_an_envelope' };
  if (!catalog.acceptsCall(meta.call_id)) return { status: 400, error: 'unknown_call' };
  return null;
}

// What a refused creation answers when a cap on unfinished uploads is reached.
export const BUSY_ANSWERS = {
  address_busy: { status: 429, error: 'endpoint_busy', scope: 'address' },
  endpoint_full: { status: 507, error: 'endpoint_busy', scope: 'endpoint' },
};

async function freeBytes(dir) {
  try {
    const st = await fs.statfs(dir);
    return st.bavail * st.bsize;
  } catch {
    return Infinity;
  }
}

// datastore, locker and removeUpload replace the single-process defaults (scale-out.js).
export function createTusServer({
  uploadsDir,
  expireSeconds,
  maxSize,
  catalog,
  receipts,
  ledger,
  trustProxy = false,
  corsOrigins = [],
  datastore,
  locker,
  removeUpload,
  severalProcesses = false,
}) {
  const store =
    datastore ??
    new FileStore({
      directory: uploadsDir,
      expirationPeriodInMilliseconds: expireSeconds * 1000,
    });
  const remove = removeUpload ?? ((id) => store.remove(id));

  // Which call an upload belongs to: from the creation request's header, or
  // from the stored upload info for later requests.
  async function callIdFor(req, uploadId) {
    if (req.method === 'POST') {
      return parseUploadMetadata(req.headers.get('upload-metadata'))?.call_id ?? undefined;
    }
    if (!uploadId) return undefined;
    try {
      // The file store's record directly; other stores through the tus DataStore API.
      const info = store.configstore ? await store.configstore.get(uploadId) : await store.getUpload(uploadId);
      return info?.metadata?.call_id ?? undefined;
    } catch {
      return undefined;
    }
  }

  async function limitFor(req, uploadId) {
    const callId = await callIdFor(req, uploadId);
    return catalog.uploadLimitForCall(callId) ?? maxSize;
  }

  // With several processes, an upload this one admitted may finish, be terminated or be
  // removed on another, whose ledger never held it; and with S3 nothing sweeps abandoned
  // uploads here. Before refusing a creation, the entries in the refusal's scope whose
  // upload is no longer unfinished (or has expired) in the shared store give their room back.
  async function releaseSettled(ids) {
    const now = Date.now();
    await Promise.all(
      ids.map(async (id) => {
        let upload;
        try {
          upload = await store.getUpload(id);
        } catch (err) {
          // Gone (404, 410): terminated, or removed as a duplicate on another process.
          // Otherwise the store did not answer: keep counting it.
          if (err?.status_code === 404 || err?.status_code === 410) ledger.remove(id);
          return;
        }
        const finished = Number.isSafeInteger(upload.size) && upload.offset === upload.size;
        const created = Date.parse(upload.creation_date ?? '');
        const expired = expireSeconds > 0 && Number.isFinite(created) && now > created + expireSeconds * 1000;
        if (finished || expired) ledger.remove(id);
      }),
    );
  }

  // The bytes of a finished upload, its tus info and their names reach stable
  // storage before a receipt may name them.
  async function makeDurable(uploadId) {
    // An object store has it durably once it acknowledged the part (scale-out.js).
    if (datastore) return;
    await syncFile(path.join(uploadsDir, uploadId));
    await syncFile(path.join(uploadsDir, `${uploadId}.json`));
    await syncDirectory(uploadsDir);
  }

  const server = new Server({
    path: TUS_PATH,
    datastore: store,
    locker,
    maxSize: limitFor,
    // Off unless the operator says a reverse proxy sets these headers: a client
    // could otherwise point the Location of its upload at any host.
    respectForwardedHeaders: trustProxy,
    // No browser client exists: no origin is allowed unless configured.
    allowedOrigins: (origin) => corsOrigins.includes(origin),
    exposedHeaders: [RECEIPT_HEADER, SIGNATURE_HEADER],
    // A finished upload is the secretariat's copy of a delivered submission;
    // a client must not be able to delete it after its receipt exists.
    disableTerminationForFinishedUploads: true,

    // The HTTP layer checks these first to answer with JSON and receipt
    // headers; this hook is the backstop so no upload can ever be created
    // without a submission id, for an unknown call, or past a cap.
    async onUploadCreate(req, upload) {
      const problem = creationProblem(upload.metadata ?? null, upload.size, catalog);
      if (problem) throw jsonError(problem.status, { error: problem.error });
      const existing = await receipts.get(upload.metadata.submission_id);
      if (existing) throw jsonError(409, { error: 'duplicate_submission', ...existing });
      const nodeReq = req.runtime?.node?.req ?? req.node?.req;
      const address = clientAddress(nodeReq, trustProxy);
      const free = await freeBytes(uploadsDir);
      const first = ledger.refusal(address, upload.size, free);
      if (first && severalProcesses) {
        await releaseSettled(first === 'address_busy' ? ledger.idsOf(address) : ledger.ids());
      }
      // From here to add() nothing awaits: two creations cannot both take the last room.
      const refusal = ledger.refusal(address, upload.size, free);
      if (refusal) {
        const answer = BUSY_ANSWERS[refusal];
        log(`creation refused (${refusal}): ${ledger.count} unfinished, ${ledger.declaredBytes} bytes declared`);
        req.runtime?.node?.res?.setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
        throw jsonError(answer.status, { error: answer.error, scope: answer.scope });
      }
      ledger.add(upload.id, address, upload.size);
      return {};
    },

    async onUploadFinish(_req, upload) {
      ledger.remove(upload.id);
      const submissionId = upload.metadata?.submission_id;
      if (!isValidSubmissionId(submissionId)) return {};
      let outcome;
      try {
        await makeDurable(upload.id);
        outcome = await receipts.issue({
          submissionId,
          uploadId: upload.id,
          file: path.join(uploadsDir, upload.id),
        });
      } catch (err) {
        log(`receipt error upload=${idDigest(upload.id)}: ${err.message}`);
        throw { status_code: 500, body: 'receipt could not be issued; retry later\n' };
      }
      const { record, issued } = outcome;
      const firstUpload = uploadIdOfReceipt(record);
      if (issued) {
        log(`receipt issued upload=${idDigest(upload.id)} submission=${idDigest(submissionId)}`);
      } else if (firstUpload !== upload.id) {
        // A second upload of a delivered submission finished (a race past the
        // creation check). The first receipt stands; these bytes go.
        log(`duplicate upload=${idDigest(upload.id)} of submission=${idDigest(submissionId)} removed`);
        await remove(upload.id).catch((err) => log(`remove failed upload=${idDigest(upload.id)}: ${err.body ?? err.message}`));
      }
      return { headers: receiptHeaders(record) };
    },

    onResponseError(_req, err) {
      // tus protocol errors carry a status; anything else is a bug worth a line.
      if (!err || typeof err.status_code !== 'number') {
        log(`tus internal error: ${err?.message ?? String(err)}`);
      }
      return undefined;
    },
  });
  server.on('POST_TERMINATE', (_req, _res, id) => ledger.remove(id));

  return { server, store, makeDurable };
}
