// fsync of a file and of the directory that names it: after this the bytes
// and the name survive a power loss, which a receipt must be able to promise.
import fs from 'node:fs/promises';

export async function syncFile(file) {
  const fh = await fs.open(file, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

// Some filesystems refuse fsync on a directory (EINVAL, EISDIR): nothing more
// can be done there, so only those errors are ignored.
export async function syncDirectory(dir) {
  const fh = await fs.open(dir, 'r');
  try {
    await fh.sync();
  } catch (err) {
    if (err.code !== 'EINVAL' && err.code !== 'EISDIR' && err.code !== 'ENOTSUP') throw err;
  } finally {
    await fh.close();
  }
}
