/**
 * Household compositions (户的构成) of a Chinese city: the kinds of families and how often
 * they occur, tuned so that the mean household has about 2.6 members (Nanjing's 2020 census
 * figure is 2.47 for family households) with many elderly people living alone or as a couple.
 * A composition is a list of members with relation, sex and age; names and IDs come later.
 */

import type { Sex } from '@shouwang/domain';
import { Random, WeightedChoice } from './random.js';

/** Relation to the head of household (与户主关系). */
export type Relation = '户主' | '配偶' | '子女' | '父母' | '孙子女' | '其他';

export interface MemberSpec {
  readonly relation: Relation;
  readonly sex: Sex;
  /** Age in whole years on the generation date. */
  readonly age: number;
  /** Index of the member whose surname this member carries; absent: a surname of his own. */
  readonly surnameFrom?: number;
}

export type CompositionKind =
  | 'single_adult'
  | 'elderly_alone'
  | 'young_couple'
  | 'elderly_couple'
  | 'single_parent'
  | 'grandparent_grandchild'
  | 'siblings'
  | 'couple_one_child'
  | 'couple_two_children'
  | 'couple_child_parent'
  | 'couple_child_two_parents'
  | 'couple_two_children_parent'
  | 'couple_two_children_two_parents'
  | 'elderly_couple_child_family'
  | 'elderly_couple_child_family_two';

const COMPOSITIONS = new WeightedChoice<CompositionKind>([
  ['single_adult', 10],
  ['elderly_alone', 13],
  ['young_couple', 8],
  ['elderly_couple', 18],
  ['single_parent', 4],
  ['grandparent_grandchild', 1],
  ['siblings', 1],
  ['couple_one_child', 21],
  ['couple_two_children', 8],
  ['couple_child_parent', 5],
  ['couple_child_two_parents', 3],
  ['couple_two_children_parent', 2],
  ['couple_two_children_two_parents', 1.5],
  ['elderly_couple_child_family', 3],
  ['elderly_couple_child_family_two', 1.5],
]);

const SIZE: Readonly<Record<CompositionKind, number>> = {
  single_adult: 1,
  elderly_alone: 1,
  young_couple: 2,
  elderly_couple: 2,
  single_parent: 2,
  grandparent_grandchild: 2,
  siblings: 2,
  couple_one_child: 3,
  couple_two_children: 4,
  couple_child_parent: 4,
  couple_child_two_parents: 5,
  couple_two_children_parent: 5,
  couple_two_children_two_parents: 6,
  elderly_couple_child_family: 5,
  elderly_couple_child_family_two: 6,
};

/**
 * Families on dibao are small: people living alone who cannot work, single parents, old
 * couples (mean about 1.6 members).
 */
export const DIBAO_COMPOSITIONS = new WeightedChoice<CompositionKind>([
  ['single_adult', 34], ['elderly_alone', 24], ['single_parent', 12], ['elderly_couple', 9],
  ['grandparent_grandchild', 4], ['siblings', 3], ['young_couple', 3],
  ['couple_one_child', 9], ['couple_two_children', 3], ['couple_child_parent', 1],
]);

/** Low-income marginal families: Nanjing's 3,490 households have 6,669 persons (1.9 each). */
export const MARGINAL_COMPOSITIONS = new WeightedChoice<CompositionKind>([
  ['single_adult', 14], ['elderly_alone', 23], ['elderly_couple', 22], ['single_parent', 10],
  ['grandparent_grandchild', 3], ['siblings', 2], ['young_couple', 4],
  ['couple_one_child', 14], ['couple_two_children', 5], ['couple_child_parent', 3],
]);

export function compositionSize(kind: CompositionKind): number {
  return SIZE[kind];
}

/** A composition of at most `maxSize` members, drawn from `choice` (by default the whole city's). */
export function drawComposition(random: Random, maxSize: number, choice: WeightedChoice<CompositionKind> = COMPOSITIONS): CompositionKind {
  for (let attempt = 0; attempt < 20; attempt++) {
    const kind = choice.draw(random);
    if (SIZE[kind] <= maxSize) return kind;
  }
  return random.chance(0.55) ? 'elderly_alone' : 'single_adult';
}

function clampInt(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round(value)));
}

const opposite = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');

function childSex(random: Random): Sex {
  return random.chance(0.515) ? 'male' : 'female';
}

/**
 * The age of a child of the given parents: 20–40 years younger than each of them and at
 * most 40 years old. The parents' ages must be within 20 years of each other and 20–80.
 */
function childAge(random: Random, parentAges: readonly number[], minAge = 0): number {
  const lo = Math.max(minAge, ...parentAges.map((a) => a - 40));
  const hi = Math.min(40, ...parentAges.map((a) => a - 20));
  if (hi < lo) throw new RangeError(`no child age fits parents aged ${parentAges.join(', ')}`);
  return random.int(lo, hi);
}

/** A spouse's age: a man is on average two years older than his wife; both stay 22–95. */
function spouseAge(random: Random, headAge: number, headSex: Sex, min = 22, max = 95): number {
  const gap = random.normal(2, 3);
  return clampInt(headSex === 'male' ? headAge - gap : headAge + gap, Math.max(min, headAge - 8), Math.min(max, headAge + 8));
}

interface Couple {
  readonly members: MemberSpec[];
  /** Index of the father, whose surname children carry. */
  readonly father: number;
}

function couple(random: Random, ageMin: number, ageMax: number, maleHeadShare = 0.7): Couple {
  const headSex: Sex = random.chance(maleHeadShare) ? 'male' : 'female';
  const headAge = random.int(ageMin, ageMax);
  const members: MemberSpec[] = [
    { relation: '户主', sex: headSex, age: headAge },
    { relation: '配偶', sex: opposite(headSex), age: spouseAge(random, headAge, headSex) },
  ];
  return { members, father: headSex === 'male' ? 0 : 1 };
}

function addChildren(random: Random, family: Couple, count: number, relation: Relation = '子女', minAge = 0): void {
  const parents = [family.members[0] as MemberSpec, family.members[1] as MemberSpec];
  for (let i = 0; i < count; i++) {
    family.members.push({
      relation,
      sex: childSex(random),
      age: childAge(random, parents.map((p) => p.age), minAge),
      surnameFrom: family.father,
    });
  }
}

/** The head's parents (父母): 20–40 years older than the head, father keeps the head's surname. */
function addParents(random: Random, members: MemberSpec[], count: 1 | 2): void {
  const head = members[0] as MemberSpec;
  const firstAge = Math.min(99, head.age + random.int(22, 36));
  const fatherAge = clampInt(firstAge + random.normal(1, 2), head.age + 20, Math.min(100, head.age + 40));
  const motherAge = clampInt(firstAge - random.normal(1, 2), head.age + 20, Math.min(100, head.age + 40));
  if (count === 2) {
    members.push({ relation: '父母', sex: 'male', age: fatherAge, surnameFrom: 0 });
    members.push({ relation: '父母', sex: 'female', age: motherAge });
  } else if (random.chance(0.35)) {
    members.push({ relation: '父母', sex: 'male', age: fatherAge, surnameFrom: 0 });
  } else {
    // Women outlive men: a widowed parent living with the family is more often the mother.
    members.push({ relation: '父母', sex: 'female', age: motherAge });
  }
}

/** The members of one household of the given kind. */
export function composeHousehold(random: Random, kind: CompositionKind): MemberSpec[] {
  switch (kind) {
    case 'single_adult':
      return [{ relation: '户主', sex: random.chance(0.58) ? 'male' : 'female', age: random.int(23, 64) }];
    case 'elderly_alone':
      return [{ relation: '户主', sex: random.chance(0.62) ? 'female' : 'male', age: clampInt(random.normal(76, 7), 65, 98) }];
    case 'young_couple':
      return couple(random, 23, 45).members;
    case 'elderly_couple':
      return couple(random, 58, 88, 0.8).members;
    case 'single_parent': {
      const headSex: Sex = random.chance(0.7) ? 'female' : 'male';
      const head: MemberSpec = { relation: '户主', sex: headSex, age: random.int(28, 62) };
      return [head, { relation: '子女', sex: childSex(random), age: childAge(random, [head.age]), surnameFrom: 0 }];
    }
    case 'grandparent_grandchild': {
      // 隔代家庭: a grandparent raising a grandchild whose parents work elsewhere.
      const head: MemberSpec = { relation: '户主', sex: random.chance(0.6) ? 'female' : 'male', age: random.int(56, 80) };
      const grandchildAge = random.int(Math.max(1, head.age - 75), Math.min(17, head.age - 42));
      return [head, { relation: '孙子女', sex: childSex(random), age: grandchildAge, surnameFrom: head.sex === 'male' ? 0 : undefined }];
    }
    case 'siblings': {
      const head: MemberSpec = { relation: '户主', sex: random.chance(0.5) ? 'male' : 'female', age: random.int(30, 80) };
      const siblingAge = clampInt(head.age + random.normal(0, 5), Math.max(18, head.age - 12), head.age + 12);
      return [head, { relation: '其他', sex: random.chance(0.5) ? 'male' : 'female', age: siblingAge, surnameFrom: 0 }];
    }
    case 'couple_one_child': {
      const family = couple(random, 25, 72);
      addChildren(random, family, 1);
      return family.members;
    }
    case 'couple_two_children': {
      const family = couple(random, 28, 65);
      addChildren(random, family, 2);
      return family.members;
    }
    case 'couple_child_parent':
    case 'couple_child_two_parents':
    case 'couple_two_children_parent':
    case 'couple_two_children_two_parents': {
      // Three generations (三代同堂) with the working-age couple as head.
      const family = couple(random, 28, 58);
      const children = kind === 'couple_child_parent' || kind === 'couple_child_two_parents' ? 1 : 2;
      addChildren(random, family, children);
      addParents(random, family.members, kind.endsWith('two_parents') ? 2 : 1);
      return family.members;
    }
    case 'elderly_couple_child_family':
    case 'elderly_couple_child_family_two': {
      // Three generations with the grandparent as head: a married child and grandchildren.
      const family = couple(random, 52, 72, 0.85);
      addChildren(random, family, 1, '子女', 22);
      const childIndex = 2;
      const child = family.members[childIndex] as MemberSpec;
      const inLaw: MemberSpec = {
        relation: '其他',
        sex: opposite(child.sex),
        age: spouseAge(random, child.age, child.sex, 22, child.age + 8),
      };
      family.members.push(inLaw);
      const grandchildren = kind === 'elderly_couple_child_family' ? 1 : 2;
      for (let i = 0; i < grandchildren; i++) {
        family.members.push({
          relation: '孙子女',
          sex: childSex(random),
          age: childAge(random, [child.age, inLaw.age]),
          surnameFrom: child.sex === 'male' ? childIndex : childIndex + 1,
        });
      }
      return family.members;
    }
  }
}
