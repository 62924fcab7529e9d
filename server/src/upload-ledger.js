// The unfinished uploads this endpoint is holding room for: how many, and how
// many bytes they declared, in total and per client address. Creation is
// refused while a cap would be exceeded, so nobody can fill the disk with
// uploads that never finish; the expiry sweep frees their room.
//
// Kept in memory only: client addresses are never written to disk. Uploads
// found at start-up count towards the totals, attributed to no address. With
// several processes each keeps its own (docs/secretariat.md, "Scaling out").
export class UploadLedger {
  constructor({ perAddressCount, perAddressBytes, totalCount, totalBytes }) {
    this.limits = { perAddressCount, perAddressBytes, totalCount, totalBytes };
    this.entries = new Map(); // upload id -> { address, bytes }
    this.byAddress = new Map(); // address -> { count, bytes }
    this.totalBytes = 0;
  }

  get count() {
    return this.entries.size;
  }

  get declaredBytes() {
    return this.totalBytes;
  }

  // Why an upload of `bytes` from `address` cannot be admitted now, or null.
  // 'address_busy' (429): this address holds its share already.
  // 'endpoint_full' (507): the endpoint as a whole holds all it may.
  refusal(address, bytes, freeDiskBytes = Infinity) {
    const { perAddressCount, perAddressBytes, totalCount, totalBytes } = this.limits;
    const mine = this.byAddress.get(address) ?? { count: 0, bytes: 0 };
    if (perAddressCount > 0 && mine.count + 1 > perAddressCount) return 'address_busy';
    // The byte caps never refuse an upload alone in its scope, so a call whose
    // limit is above a cap can still deliver (one at a time).
    if (perAddressBytes > 0 && mine.count > 0 && mine.bytes + bytes > perAddressBytes) return 'address_busy';
    if (totalCount > 0 && this.entries.size + 1 > totalCount) return 'endpoint_full';
    if (totalBytes > 0 && this.entries.size > 0 && this.totalBytes + bytes > totalBytes) return 'endpoint_full';
    // Room the unfinished uploads were promised is not free for a new one.
    if (this.totalBytes + bytes > freeDiskBytes) return 'endpoint_full';
    return null;
  }

  add(id, address, bytes) {
    if (this.entries.has(id)) return;
    this.entries.set(id, { address, bytes });
    this.totalBytes += bytes;
    if (address === null) return;
    const mine = this.byAddress.get(address) ?? { count: 0, bytes: 0 };
    mine.count += 1;
    mine.bytes += bytes;
    this.byAddress.set(address, mine);
  }

  // The upload finished, was terminated or swept.
  remove(id) {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.totalBytes -= entry.bytes;
    if (entry.address === null) return;
    const mine = this.byAddress.get(entry.address);
    mine.count -= 1;
    mine.bytes -= entry.bytes;
    if (mine.count === 0) this.byAddress.delete(entry.address);
  }

  ids() {
    return [...this.entries.keys()];
  }

  idsOf(address) {
    return [...this.entries].filter(([, entry]) => entry.address === address).map(([id]) => id);
  }
}
