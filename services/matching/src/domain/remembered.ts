/**
 * `make` remembered per key, all forgotten at once past `limit` keys: for the texts the reasons repeat in
 * every answer (dates, wages, names), where even a built formatter costs more than a map lookup.
 */
export function remembered<K, V>(make: (key: K) => V, limit: number): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = make(key);
      if (known.size > limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
