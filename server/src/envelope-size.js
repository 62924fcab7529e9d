// The smallest number of bytes an Amicus submission envelope can have, so an
// Upload-Length below it is refused before anything is stored. An envelope is
// age v1 (one X25519 stanza, the smallest recipient type) around a tar that
// holds at least submission.json:
//   age header: "age-encryption.org/v1\n" 22 + "-> X25519 " stanza line 54
//               + stanza body line 44 + "--- " MAC line 48          = 168
//   payload nonce 16, one chunk's Poly1305 tag 16                   =  32
//   tar: one header block, one data block, two end-of-archive blocks = 2048
export const MIN_ENVELOPE_BYTES = 168 + 32 + 4 * 512;
