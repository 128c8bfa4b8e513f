/**
 * Values kept per key, made on first ask by the `make` given with it, all forgotten at once past `limit` keys:
 * for what the reasons repeat in every answer, where even a built formatter costs more than a map lookup.
 */
export function keptUpTo<K, V>(limit: number): (key: K, make: (key: K) => V) => V {
  const known = new Map<K, V>();
  return (key, make) => {
    let value = known.get(key);
    if (value === undefined) {
      value = make(key);
      if (known.size > limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}

/** `make` remembered per key (see `keptUpTo`): the texts the reasons repeat (dates, wages, names). */
export function remembered<K, V>(make: (key: K) => V, limit: number): (key: K) => V {
  const kept = keptUpTo<K, V>(limit);
  return (key) => kept(key, make);
}
