// The receipt-signing key. The secretariat publishes its public half in the
// catalog so apps can verify receipts; generating one on first start makes the
// endpoint usable with a single command for demos and tests.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const RECEIPT_KEY_FILE = 'receipt-signing.pem';

// Raw 32-byte Ed25519 public key, base64: the form the catalog and apps use.
export function rawPublicKeyBase64(publicKey) {
  const jwk = publicKey.export({ format: 'jwk' });
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

export function loadOrCreateReceiptKey(keysDir) {
  fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const file = path.join(keysDir, RECEIPT_KEY_FILE);
  let pem;
  let created = false;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
    // 'wx' so two servers starting at once never overwrite each other's key.
    try {
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
      created = true;
    } catch (writeErr) {
      if (writeErr.code !== 'EEXIST') throw writeErr;
      pem = fs.readFileSync(file, 'utf8');
    }
  }
  const privateKey = crypto.createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${file} is not an Ed25519 private key`);
  }
  const publicKey = crypto.createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyBase64: rawPublicKeyBase64(publicKey), file, created };
}
