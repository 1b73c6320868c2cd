// LSH banding over MinHash signatures: two signatures that agree on all `rows` values of any one
// band share a bucket. Texts with Jaccard J collide with probability 1 − (1 − J^rows)^bands.
import { mix32 } from './text';

export class LshTable {
  // One map per band: band hash → slot, or slots when several share the bucket.
  private buckets: Map<number, number | number[]>[];

  constructor(
    private bands: number,
    private rows: number,
  ) {
    this.buckets = Array.from({ length: bands }, () => new Map());
  }

  add(slot: number, signature: Uint32Array) {
    for (let band = 0; band < this.bands; band++) {
      const map = this.buckets[band]!;
      const key = this.bandKey(signature, band);
      const held = map.get(key);
      if (held === undefined) map.set(key, slot);
      else if (typeof held === 'number') map.set(key, [held, slot]);
      else held.push(slot);
    }
  }

  remove(slot: number, signature: Uint32Array) {
    for (let band = 0; band < this.bands; band++) {
      const map = this.buckets[band]!;
      const key = this.bandKey(signature, band);
      const held = map.get(key);
      if (held === slot) map.delete(key);
      else if (Array.isArray(held)) {
        const i = held.indexOf(slot);
        if (i >= 0) held.splice(i, 1);
        if (held.length === 1) map.set(key, held[0]!);
      }
    }
  }

  /** Adds to `into` every slot sharing at least one bucket with `signature`. */
  collect(signature: Uint32Array, into: Set<number>) {
    for (let band = 0; band < this.bands; band++) {
      const held = this.buckets[band]!.get(this.bandKey(signature, band));
      if (held === undefined) continue;
      if (typeof held === 'number') into.add(held);
      else for (const slot of held) into.add(slot);
    }
  }

  private bandKey(signature: Uint32Array, band: number): number {
    let h = band;
    for (let i = band * this.rows; i < (band + 1) * this.rows; i++)
      h = mix32(h ^ signature[i]!) + i;
    return h >>> 0;
  }
}
