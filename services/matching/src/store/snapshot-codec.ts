/**
 * A snapshot file: `HNMATCH1`, a u32 header length, a JSON header listing the parts, then the parts' bytes.
 * A part is either a typed array's raw bytes (little-endian, as in memory) or a JSON document. Encoding
 * yields to the event loop between parts and inside long string lists, so a national-scale snapshot does
 * not stall the queries being served while it is written.
 */
import type { Column } from '../domain/model/columns';

const MAGIC = Buffer.from('HNMATCH1');
const ARRAY_KINDS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array, f64: Float64Array } as const;
type ArrayKind = keyof typeof ARRAY_KINDS;

export type Part = { name: string; column: Column } | { name: string; json: unknown };
interface PartHeader {
  name: string;
  kind: ArrayKind | 'json';
  bytes: number;
}

const kindOf = (column: Column): ArrayKind =>
  column instanceof Uint8Array ? 'u8' : column instanceof Uint16Array ? 'u16' : column instanceof Uint32Array ? 'u32' : column instanceof Int32Array ? 'i32' : 'f64';

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** JSON of a value; a long array is stringified a slice at a time, yielding between slices. */
async function jsonBytes(value: unknown): Promise<Buffer> {
  if (!Array.isArray(value) || value.length <= 20_000) return Buffer.from(JSON.stringify(value));
  const pieces: string[] = [];
  for (let i = 0; i < value.length; i += 20_000) {
    pieces.push(JSON.stringify(value.slice(i, i + 20_000)).slice(1, -1));
    await pause();
  }
  return Buffer.from(`[${pieces.filter((p) => p.length > 0).join(',')}]`);
}

export async function encodeSnapshot(meta: Record<string, unknown>, parts: readonly Part[]): Promise<Buffer[]> {
  const headers: PartHeader[] = [];
  const bodies: Buffer[] = [];
  for (const part of parts) {
    if ('column' in part) {
      const body = Buffer.from(part.column.buffer, part.column.byteOffset, part.column.byteLength);
      headers.push({ name: part.name, kind: kindOf(part.column), bytes: body.length });
      bodies.push(body);
    } else {
      const body = await jsonBytes(part.json);
      headers.push({ name: part.name, kind: 'json', bytes: body.length });
      bodies.push(body);
    }
    await pause();
  }
  const header = Buffer.from(JSON.stringify({ ...meta, parts: headers }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return [MAGIC, length, header, ...bodies];
}

export interface DecodedSnapshot {
  meta: Record<string, unknown>;
  column(name: string): Column | undefined;
  json<T>(name: string): T | undefined;
}

export function decodeSnapshot(file: Buffer): DecodedSnapshot {
  if (file.length < 12 || !file.subarray(0, 8).equals(MAGIC)) throw new Error('not a matching snapshot');
  const headerLength = file.readUInt32LE(8);
  const meta = JSON.parse(file.subarray(12, 12 + headerLength).toString('utf8')) as Record<string, unknown> & { parts: PartHeader[] };
  const at = new Map<string, { header: PartHeader; start: number }>();
  let offset = 12 + headerLength;
  for (const header of meta.parts) {
    at.set(header.name, { header, start: offset });
    offset += header.bytes;
  }
  if (offset !== file.length) throw new Error(`snapshot is truncated or padded: expected ${offset} bytes, found ${file.length}`);
  return {
    meta,
    column(name) {
      const part = at.get(name);
      if (!part || part.header.kind === 'json') return undefined;
      const Kind = ARRAY_KINDS[part.header.kind];
      // copy into a fresh, aligned buffer: the file buffer's offsets need not be multiples of 8
      const bytes = new Uint8Array(file.subarray(part.start, part.start + part.header.bytes));
      return new Kind(bytes.buffer, 0, part.header.bytes / Kind.BYTES_PER_ELEMENT);
    },
    json<T>(name: string) {
      const part = at.get(name);
      if (!part || part.header.kind !== 'json') return undefined;
      return JSON.parse(file.subarray(part.start, part.start + part.header.bytes).toString('utf8')) as T;
    },
  };
}
