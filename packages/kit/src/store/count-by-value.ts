/**
 * How many of `docs` hold each of `values` in `field` (a value not listed is not counted), in one pass over a
 * cursor: a statistic that would otherwise be one count per value, and on FerretDB 1.x every count decodes the
 * whole collection.
 */
export async function countByValue<V extends string>(
  docs: AsyncIterable<object>,
  field: string,
  values: readonly V[],
): Promise<Record<V, number>> {
  const counts = Object.fromEntries(values.map((value) => [value, 0])) as Record<V, number>;
  for await (const doc of docs) {
    const value = (doc as Record<string, unknown>)[field];
    if (typeof value === 'string' && Object.hasOwn(counts, value)) counts[value as V] += 1;
  }
  return counts;
}
