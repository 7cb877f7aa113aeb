/**
 * A live Medical Security Bureau feed for the demo: each call to `next` settles a few more
 * claims dated today (Shanghai time), now and then one that plunges a low-income family into
 * a medical-cost crisis. It keeps no timers and does no I/O; the server calls it on its own
 * schedule and sends the rows through intake like any other delivery.
 */

import { shanghaiDate } from '@shouwang/domain';
import type { DemoCity } from './city.js';
import { Random } from './random.js';
import { SettlementMaker, settlementNo, type SettlementRow } from './settlements.js';

export interface FeedSimulatorOptions {
  /** Chance that a batch carries one burden row (default 0.1). */
  readonly burdenChance?: number;
}

export class FeedSimulator {
  readonly #maker: SettlementMaker;
  readonly #random: Random;
  readonly #burdenChance: number;
  #sequence: number;

  /**
   * `sequence` is the last sequence number already issued (0: none). A restarted simulator
   * is given the `sequence` its predecessor reached, so settlement numbers never repeat.
   */
  constructor(city: DemoCity, seed: number, sequence = 0, options: FeedSimulatorOptions = {}) {
    if (!Number.isInteger(sequence) || sequence < 0) throw new RangeError('sequence must be a non-negative integer');
    this.#maker = new SettlementMaker(city);
    // The stream depends on where the sequence resumes, so a restart does not replay old batches.
    this.#random = new Random((seed ^ Math.imul(sequence, 0x9e3779b1)) >>> 0);
    this.#burdenChance = options.burdenChance ?? 0.1;
    this.#sequence = sequence;
  }

  /** The last sequence number issued; persist it to resume. */
  get sequence(): number {
    return this.#sequence;
  }

  /** One to three settlements dated on the Shanghai date of `now`. */
  next(now: Date): SettlementRow[] {
    const settledOn = shanghaiDate(now);
    const count = this.#random.int(1, 3);
    const burdenAt = this.#random.chance(this.#burdenChance) ? this.#random.int(0, count - 1) : -1;
    const rows: SettlementRow[] = [];
    for (let i = 0; i < count; i++) {
      const claim = this.#maker.claim(this.#random, settledOn, i === burdenAt);
      this.#sequence += 1;
      rows.push({ settlementNo: settlementNo(settledOn, 1, this.#sequence), ...claim });
    }
    return rows;
  }
}
