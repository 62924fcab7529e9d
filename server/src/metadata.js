// Upload-Metadata as Amicus uses it. tus carries key/base64-value pairs; we
// need submission_id (the exactly-once key) and call_id (selects the limits).
// Parsing mirrors the tus rules so our early checks agree with @tus/server.

export const SUBMISSION_ID_RE = /^[A-Za-z0-9-]{8,64}$/;

export function isValidSubmissionId(value) {
  return typeof value === 'string' && SUBMISSION_ID_RE.test(value);
}

// Returns an object of decoded values, or null when the header is malformed.
export function parseUploadMetadata(header) {
  if (typeof header !== 'string' || header.trim() === '') return null;
  const out = Object.create(null);
  for (const pair of header.split(',')) {
    const tokens = pair.split(' ');
    if (tokens.length < 1 || tokens.length > 2) return null;
    const [key, value] = tokens;
    if (!key || /[^\x21-\x7e]/.test(key) || key in out) return null;
    if (value === undefined) {
      out[key] = null;
      continue;
    }
    if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return null;
    out[key] = Buffer.from(value, 'base64').toString('utf8');
  }
  return out;
}

// Returns null when the metadata is acceptable for a new upload, else an error code.
export function checkCreationMetadata(meta) {
  if (!meta) return 'invalid_metadata';
  const sid = meta.submission_id;
  if (sid === undefined || sid === null || sid === '') return 'missing_submission_id';
  if (!isValidSubmissionId(sid)) return 'invalid_submission_id';
  const callId = meta.call_id;
  if (callId === undefined || callId === null || callId === '') return 'missing_call_id';
  if (callId.length > 256 || /[\x00-\x1f\x7f]/.test(callId)) return 'invalid_call_id';
  return null;
}
