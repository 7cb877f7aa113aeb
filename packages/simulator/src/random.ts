/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32), so that a demo
 * city or a feed is reproducible byte for byte from its seed. Only integer arithmetic and
 * correctly rounded operations are used in the core, so the stream is the same on every
 * platform.
 */

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    const mix = splitmix32(seed);
    this.#a = mix();
    this.#b = mix();
    this.#c = mix();
    this.#d = mix();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The next 32-bit unsigned integer (sfc32). */
  uint32(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Approximately normal (Irwin–Hall sum of six uniforms), bounded to mean ± 4.2 sd. */
  normal(mean = 0, sd = 1): number {
    let sum = 0;
    for (let i = 0; i < 6; i++) sum += this.next();
    return mean + (sum - 3) * Math.SQRT2 * sd;
  }

  /** Log-normal with the given median: most values near it, a long right tail. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** `count` distinct indices of [0, length), in random order (partial Fisher–Yates). */
  sampleIndices(length: number, count: number): number[] {
    const indices = Array.from({ length }, (_, i) => i);
    const n = Math.min(count, length);
    for (let i = 0; i < n; i++) {
      const j = this.int(i, length - 1);
      const swap = indices[i] as number;
      indices[i] = indices[j] as number;
      indices[j] = swap;
    }
    return indices.slice(0, n);
  }

  /** An independent generator derived from this one, so sub-streams do not shift each other. */
  fork(): Random {
    return new Random(this.uint32());
  }
}

/** Weighted choice among fixed entries; drawing is a binary search, so large tables are cheap. */
export class WeightedChoice<T> {
  readonly #items: T[];
  readonly #cumulative: number[];
  readonly #total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.#items = [];
    this.#cumulative = [];
    let total = 0;
    for (const [item, weight] of entries) {
      if (!(weight >= 0)) throw new RangeError('weights must be non-negative numbers');
      if (weight === 0) continue;
      total += weight;
      this.#items.push(item);
      this.#cumulative.push(total);
    }
    if (total === 0) throw new RangeError('a weighted choice needs at least one positive weight');
    this.#total = total;
  }

  draw(random: Random): T {
    const target = random.next() * this.#total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.#items[lo] as T;
  }
}
