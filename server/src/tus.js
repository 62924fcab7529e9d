// The tus 1.0 route (/files) on @tus/server with its file store, plus the
// Amicus rules hooked into it: required metadata, per-call size limits and a
// signed receipt when an upload completes.
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { log } from './log.js';
import { checkCreationMetadata, isValidSubmissionId, parseUploadMetadata } from './metadata.js';
import { receiptHeaders, RECEIPT_HEADER, SIGNATURE_HEADER } from './receipts.js';

export const TUS_PATH = '/files';

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

// datastore, locker and removeUpload replace the single-process defaults (scale-out.js).
export function createTusServer({
  uploadsDir,
  expireSeconds,
  maxSize,
  catalog,
  receipts,
  trustProxy = false,
  datastore,
  locker,
  removeUpload,
}) {
  const store =
    datastore ??
    new FileStore({
      directory: uploadsDir,
      expirationPeriodInMilliseconds: expireSeconds * 1000,
    });
  const remove = removeUpload ?? ((id) => store.remove(id));

  // Which call an upload belongs to: from the creation request's header, or
  // from the stored upload info for later requests (PATCH with a deferred length).
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

  const server = new Server({
    path: TUS_PATH,
    datastore: store,
    locker,
    maxSize: limitFor,
    // Off unless the operator says a reverse proxy sets these headers: a client
    // could otherwise point the Location of its upload at any host.
    respectForwardedHeaders: trustProxy,
    exposedHeaders: [RECEIPT_HEADER, SIGNATURE_HEADER],
    // A finished upload is the secretariat's copy of a delivered submission;
    // a client must not be able to delete it after its receipt exists.
    disableTerminationForFinishedUploads: true,

    // The HTTP layer checks these first to answer with JSON and receipt
    // headers; this hook is the backstop so no upload can ever be created
    // without a submission id.
    async onUploadCreate(_req, upload) {
      const problem = checkCreationMetadata(upload.metadata ?? null);
      if (problem) throw jsonError(400, { error: problem });
      const existing = await receipts.get(upload.metadata.submission_id);
      if (existing) throw jsonError(409, { error: 'duplicate_submission', ...existing });
      return {};
    },

    async onUploadFinish(_req, upload) {
      const submissionId = upload.metadata?.submission_id;
      if (!isValidSubmissionId(submissionId)) return {};
      let outcome;
      try {
        outcome = await receipts.issue({
          submissionId,
          uploadId: upload.id,
          file: path.join(uploadsDir, upload.id),
        });
      } catch (err) {
        log(`receipt error upload=${upload.id}: ${err.message}`);
        throw { status_code: 500, body: 'receipt could not be issued; retry later\n' };
      }
      const { record, issued } = outcome;
      const firstUpload = uploadIdOfReceipt(record);
      if (issued) {
        log(`receipt issued upload=${upload.id} submission=${submissionId}`);
      } else if (firstUpload !== upload.id) {
        // A second upload of a delivered submission finished (a race past the
        // creation check). The first receipt stands; these bytes go.
        log(`duplicate upload=${upload.id} of submission=${submissionId} removed`);
        await remove(upload.id).catch((err) => log(`remove failed upload=${upload.id}: ${err.body ?? err.message}`));
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

  return { server, store };
}
