/**
 * Delivery dedup inside one process, used only while the shared store is unreachable: a Slack retry that lands on
 * the same instance during an outage is still answered once. Bounded (oldest evicted first) and time-limited.
 */
export class RecentDeliveries {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly capacity = 5000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** true when none of the keys was claimed within its TTL; claims them all. */
  claim(keys: string[], ttlSec: number): boolean {
    const now = this.clock();
    const fresh = keys.every((k) => (this.seen.get(k) ?? 0) <= now);
    for (const k of keys) {
      this.seen.delete(k);
      this.seen.set(k, now + ttlSec * 1000);
    }
    while (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return fresh;
  }
}
