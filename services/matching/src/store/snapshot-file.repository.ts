import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The latest snapshot of one instance, on local disk: written to a temporary file, flushed, then renamed
 * over the previous one, so a crash mid-write leaves the previous snapshot whole.
 */
export interface SnapshotFiles {
  readonly path: string;
  write(chunks: readonly Buffer[]): Promise<number>;
  read(): Promise<Buffer | undefined>;
}

export function snapshotFiles(dir: string): SnapshotFiles {
  const path = join(dir, 'snapshot.bin');
  return {
    path,
    async write(chunks) {
      await mkdir(dir, { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      const file = await open(temporary, 'w');
      let bytes = 0;
      try {
        for (const chunk of chunks) {
          await file.write(chunk);
          bytes += chunk.length;
        }
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
      return bytes;
    },
    async read() {
      try {
        await stat(path);
      } catch {
        return undefined;
      }
      return readFile(path);
    },
  };
}
