/** A least-recently-used map bounded in entries: the server's caches of parsed cases and analyses. */
export class LruCache<V> {
  private readonly map = new Map<string, V>();

  /** @param max entries kept; the least recently used is dropped beyond it */
  constructor(readonly max: number) {}

  /** The value under `key`, marking it recently used. */
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  /** Stores `value` under `key`, evicting the least recently used entry when full. */
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
  }

  /** Drops `key`. */
  delete(key: string): void {
    this.map.delete(key);
  }

  /** Entries held. */
  get size(): number {
    return this.map.size;
  }
}
