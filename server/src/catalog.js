// The calls catalog, as signed by the secretariat's own tool (amicus-intake).
// The server only serves the bytes and their detached signature; it never
// signs. Files are re-read whenever they change on disk, so the secretariat
// can publish a new catalog without restarting the endpoint.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const CATALOG_FILE = 'catalog.json';
export const CATALOG_SIG_FILE = 'catalog.json.sig';
const MIB = 1024 * 1024;

// Amicus's own limits for a call whose catalog entry leaves one out: the app's
// (core/calls/catalog.h, defaultBytesPerAttachment and defaultAttachmentsPerSubmission),
// so the endpoint takes exactly what the app lets a submitter send.
export const DEFAULT_BYTES_PER_ATTACHMENT = 25 * MIB;
export const DEFAULT_ATTACHMENTS_PER_SUBMISSION = 10;
// Above the attachments: both renderings of the answers (submission.json and .md, at the
// app's default of 2,500 words per answer), the tar framing and the age envelope.
export const ENVELOPE_ALLOWANCE_BYTES = MIB;

// Re-reads a small file only when its identity (inode, size, mtime) changes.
class WatchedFile {
  constructor(file) {
    this.file = file;
    this.stamp = null;
    this.value = null;
  }

  read() {
    let st;
    try {
      st = fs.statSync(this.file);
    } catch {
      this.stamp = null;
      this.value = null;
      return null;
    }
    if (!st.isFile()) return null;
    const stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
    if (stamp !== this.stamp) {
      let bytes;
      try {
        bytes = fs.readFileSync(this.file);
      } catch {
        return null;
      }
      this.value = {
        bytes,
        etag: `"${crypto.createHash('sha256').update(bytes).digest('hex')}"`,
        parsed: undefined,
      };
      this.stamp = stamp;
    }
    return this.value;
  }
}

function nonNegativeInt(n) {
  return Number.isSafeInteger(n) && n >= 0;
}

export class Catalog {
  constructor(keysDir) {
    this.catalog = new WatchedFile(path.join(keysDir, CATALOG_FILE));
    this.signature = new WatchedFile(path.join(keysDir, CATALOG_SIG_FILE));
  }

  // { bytes, etag } of catalog.json, or null if absent.
  catalogFile() {
    return this.catalog.read();
  }

  // { bytes, etag } of catalog.json.sig, or null if absent.
  signatureFile() {
    return this.signature.read();
  }

  // Parsed catalog, or null when absent or not valid JSON (a broken catalog
  // must not take the upload route down; limits then fall back to --max-size).
  parsed() {
    const file = this.catalog.read();
    if (!file) return null;
    if (file.parsed === undefined) {
      try {
        file.parsed = JSON.parse(file.bytes.toString('utf8'));
      } catch {
        file.parsed = null;
      }
    }
    return file.parsed;
  }

  // The calls of the served catalog, or null while none (or a broken one) is
  // served: then every call_id is taken and only --max-size applies.
  callsOrNull() {
    const cat = this.parsed();
    return cat && typeof cat === 'object' && Array.isArray(cat.calls) ? cat.calls : null;
  }

  // false when a catalog is served and does not list the call.
  acceptsCall(callId) {
    const calls = this.callsOrNull();
    if (calls === null) return true;
    return calls.some((c) => c && typeof c === 'object' && c.id === callId);
  }

  // Upload size limit for a call the served catalog lists: every attachment at its maximum
  // plus the envelope allowance, each limit the catalog leaves out at Amicus's default (as
  // the app does). A limit that is not a count (the app refuses such a catalog) also takes
  // the default: bounded either way. null while no catalog is served or for a call it does
  // not list (then --max-size applies, or the call is refused).
  uploadLimitForCall(callId) {
    const cat = this.parsed();
    if (!cat || !Array.isArray(cat.calls) || typeof callId !== 'string') return null;
    const call = cat.calls.find((c) => c && typeof c === 'object' && c.id === callId);
    if (!call) return null;
    const limits = call.limits && typeof call.limits === 'object' ? call.limits : {};
    const perFile = nonNegativeInt(limits.bytes_per_attachment)
      ? limits.bytes_per_attachment
      : DEFAULT_BYTES_PER_ATTACHMENT;
    const count = nonNegativeInt(limits.attachments_per_submission)
      ? limits.attachments_per_submission
      : DEFAULT_ATTACHMENTS_PER_SUBMISSION;
    const total = perFile * count + ENVELOPE_ALLOWANCE_BYTES;
    // Past 2^53 bytes no count is meant: the operator's --max-size applies.
    return Number.isSafeInteger(total) ? total : null;
  }
}

// RFC 9110 If-None-Match: "*" or a list of entity tags, compared weakly.
export function etagMatches(ifNoneMatch, etag) {
  if (typeof ifNoneMatch !== 'string') return false;
  const wanted = ifNoneMatch.trim();
  if (wanted === '*') return true;
  return wanted
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag);
}
