/**
 * Nanjing's published figures for its low-income population database (see
 * reference/nanjing-article.txt), which a demo city reproduces in proportion to its size: a
 * city of 510,000 persons is Nanjing's database, one of 51,000 a tenth of it.
 */

import { Random } from './random.js';

export const NANJING_FIGURES = {
  /** People in the database (困难群众数据库). */
  databasePersons: 510_000,
  /** 低保 households. */
  dibaoHouseholds: 45_000,
  /** 低保边缘 households and their members. */
  marginalHouseholds: 3_490,
  marginalPersons: 6_669,
  /** 特困 persons: not in the article; about Nanjing's order of magnitude. */
  specialHardshipPersons: 6_000,
  /** 临时救助 in half a year: persons aided and the average grant per person, in fen. */
  temporaryAssistancePersons: 5_117,
  temporaryAssistanceAverageFen: 198_200,
} as const;

/**
 * `figure` scaled to a city of `persons`: the whole part of the exact share, plus one with the
 * probability of its fraction, so small cities get the right count on average and the same
 * seed always the same count.
 */
export function scaledCount(random: Random, persons: number, figure: number): number {
  const exact = (figure * persons) / NANJING_FIGURES.databasePersons;
  const whole = Math.floor(exact);
  return whole + (random.chance(exact - whole) ? 1 : 0);
}

/**
 * Systematic sampling: each `take(p)` says yes with probability `p`, and over a run the
 * number of yeses is the sum of the `p`s rounded by a random start, never off by more than one.
 */
export class ShareSampler {
  #accumulated: number;

  constructor(random: Random) {
    this.#accumulated = random.next();
  }

  take(p: number): boolean {
    this.#accumulated += p;
    if (this.#accumulated < 1) return false;
    this.#accumulated -= 1;
    return true;
  }
}
