/** Typed-array columns of a table that grows by doubling; rows are addressed by slot number. */
export type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** A copy of `column` with room for `length` values (new values zero). */
export function grown<T extends Column>(column: T, length: number): T {
  const bigger = new (column.constructor as new (n: number) => T)(length);
  bigger.set(column);
  return bigger;
}

/** The first `rows * width` values of a column, copied: a consistent cut for a snapshot. */
export function cut<T extends Column>(column: T, rows: number, width = 1): T {
  return column.slice(0, rows * width) as T;
}

/** A column of `capacity * width` values holding `saved` at its start (restoring a snapshot). */
export function restored<T extends Column>(empty: T, saved: Column | undefined, capacity: number, width = 1): T {
  const column = new (empty.constructor as new (n: number) => T)(capacity * width);
  if (saved) column.set(saved as unknown as ArrayLike<number>);
  return column;
}
