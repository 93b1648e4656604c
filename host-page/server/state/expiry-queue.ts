/**
 * When each key of the memory store expires, as a binary min-heap with at most one entry per key.
 * Purging pops only the entries that are due, so its cost follows what expires, never what is
 * stored: 50,000 live sessions cost nothing until they expire (docs/scaling.md, "Constant cost").
 */
export class ExpiryQueue {
  private readonly heap: Array<{ at: number; key: string }> = [];
  private readonly queued = new Set<string>();

  /**
   * Makes sure `key` is looked at no later than `at`. A key whose expiry only moves later keeps its
   * one entry: when that comes due, `due`'s caller sees the key still alive and queues it again.
   */
  watch(key: string, at: number): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.heap.push({ at, key });
    this.up(this.heap.length - 1);
  }

  /** Removes and returns the keys whose entry is due at `now`, soonest first. */
  *due(now: number): Generator<string> {
    while (this.heap.length > 0 && this.heap[0]!.at <= now) {
      const { key } = this.pop();
      this.queued.delete(key);
      yield key;
    }
  }

  get size(): number {
    return this.heap.length;
  }

  private pop(): { at: number; key: string } {
    const top = this.heap[0]!;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private up(index: number): void {
    const { heap } = this;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (heap[parent]!.at <= heap[index]!.at) return;
      [heap[parent], heap[index]] = [heap[index]!, heap[parent]!];
      index = parent;
    }
  }

  private down(index: number): void {
    const { heap } = this;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let least = index;
      if (left < heap.length && heap[left]!.at < heap[least]!.at) least = left;
      if (right < heap.length && heap[right]!.at < heap[least]!.at) least = right;
      if (least === index) return;
      [heap[least], heap[index]] = [heap[index]!, heap[least]!];
      index = least;
    }
  }
}
