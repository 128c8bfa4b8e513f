/**
 * Strings that repeat across hundreds of thousands of rows (skill slugs, province and commune codes,
 * occupation codes, employer ids) become small integers once, so rows hold typed arrays instead of strings.
 */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  /** Called with the new id whenever a name is added (derived tables grow with it). */
  onAdd: ((id: number, name: string) => void) | undefined;

  constructor(
    /** Ids stay below this (the width of the typed array that stores them). */
    readonly capacity: number,
    initial: readonly string[] = [],
  ) {
    for (const name of initial) this.intern(name);
  }

  get size(): number {
    return this.names.length;
  }

  /** The id of `name`, adding it; -1 when the table is full (the caller decides what a missing id means). */
  intern(name: string): number {
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    if (this.names.length >= this.capacity) return -1;
    const id = this.names.length;
    this.ids.set(name, id);
    this.names.push(name);
    this.onAdd?.(id, name);
    return id;
  }

  /** The id of `name`, or -1 when it was never seen. */
  find(name: string): number {
    return this.ids.get(name) ?? -1;
  }

  nameOf(id: number): string {
    const name = this.names[id];
    if (name === undefined) throw new Error(`unknown id ${id}`);
    return name;
  }
}
