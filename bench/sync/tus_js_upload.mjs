// Peer of the sync benchmark: uploads one file with tus-js-client (Node) at a given chunk size.
// Usage: node tus_js_upload.mjs FILE CREATION_URL SUBMISSION_ID CHUNK_BYTES
// Prints {"seconds": N} on success; exits 1 on failure.
import fs from 'node:fs';
import * as tus from 'tus-js-client';

const [file, endpoint, submissionId, chunk] = process.argv.slice(2);
const size = fs.statSync(file).size;
const started = process.hrtime.bigint();
const upload = new tus.Upload(fs.createReadStream(file), {
  endpoint,
  chunkSize: Number(chunk),
  uploadSize: size,
  metadata: { submission_id: submissionId, call_id: 'bench-call', filename: 'bench.age' },
  retryDelays: null,
  storeFingerprintForResuming: false,
  onSuccess() {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(JSON.stringify({ seconds }));
  },
  onError(error) {
    console.error(`tus-js-client: ${error.message}`);
    process.exit(1);
  },
});
upload.start();
