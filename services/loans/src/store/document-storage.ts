import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentStorage } from '../domain/loans.context';

/**
 * Uploaded documents on disk under the data folder, named by their SHA-256: the same file uploaded twice
 * is stored once, and a file's name can never be chosen by a client. Written to a temporary name and
 * renamed, so a crash never leaves half a document under a valid hash.
 */
export function diskDocumentStorage(root: string): DocumentStorage {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256);
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      const exists = await stat(target).then(
        (s) => s.size === bytes.length,
        () => false,
      );
      if (!exists) {
        await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
        const temporary = `${target}.${randomUUID()}.part`;
        await writeFile(temporary, bytes, { mode: 0o600 });
        await rename(temporary, target);
      }
      return { sha256, sizeBytes: bytes.length };
    },
    async get(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
      return readFile(pathOf(sha256)).catch(() => undefined);
    },
  };
}
