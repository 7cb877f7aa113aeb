/**
 * What a correct registry holds after loading a demo city's files through intake, computed
 * from the rows as written (validated values, spoiled rows left out) with the domain's own
 * rules (`membershipsFromRecord`, `membershipsFromHousehold`, `programmeFromRecord`). Rows
 * must be added in loading order: the household register first.
 *
 * Definitions:
 * - persons, households: distinct resident IDs and household numbers of the register.
 * - groups: per group id (all 32), the registered persons with an active membership on
 *   `today`, from every accepted row of the person (record groups) and the register (age and
 *   living-alone groups, household size = registered members of the household number).
 * - householdsInDatabase: registered households with at least one member in some group.
 * - programmes dibao / marginal: active rows of registered persons; households = distinct
 *   roster household numbers, persons = distinct resident IDs, monthlyAmountFen = the sum of
 *   each roster household's allowance once (the roster repeats it on every member's row).
 *   special_hardship: households = distinct register households of the persons, amount =
 *   support + care of each person. temporary_assistance: grants on or after `today` − 182
 *   days; persons and households distinct, amount and average per person in fen.
 * - conflicts: id_in_two_households = registered persons listed under two or more dibao
 *   roster household numbers; death_of_enrolled = persons of a death record with an active
 *   dibao, marginal or special-hardship enrolment; roster_without_household = distinct
 *   resident IDs, absent from the register, in rows of a source that feeds the registry
 *   but raises no signals (student-in-difficulty, worker-in-difficulty, ...).
 * - leads: distinct resident IDs absent from the register in rows of a source that raises
 *   signals (medical-settlement, hospitalisation, disaster-affected, ...).
 * - deaths: distinct persons of the death record.
 */

import {
  POPULATION_GROUPS, addDays, birthDateOfId, membershipsFromHousehold, membershipsFromRecord, programmeFromRecord, sourceById, type ProgrammeKind,
} from '@shouwang/domain';
import type { RowValues } from './file-writer.js';

export interface ProgrammeCount {
  readonly households: number;
  readonly persons: number;
  readonly monthlyAmountFen: number;
}

export interface TemporaryAssistanceCount {
  readonly households: number;
  readonly persons: number;
  readonly grants: number;
  readonly totalAmountFen: number;
  readonly averagePerPersonFen: number;
}

export type ConflictKind = 'id_in_two_households' | 'death_of_enrolled' | 'roster_without_household';

export interface FileCount {
  readonly sourceId: string;
  readonly rows: number;
  readonly badRows: number;
}

export interface CityExpectation {
  readonly today: string;
  readonly persons: number;
  readonly households: number;
  readonly householdsInDatabase: number;
  readonly groups: Readonly<Record<string, number>>;
  readonly programmes: {
    readonly dibao: ProgrammeCount;
    readonly marginal: ProgrammeCount;
    readonly special_hardship: ProgrammeCount;
    readonly temporary_assistance: TemporaryAssistanceCount;
  };
  readonly deaths: number;
  readonly conflicts: Readonly<Record<ConflictKind, number>>;
  readonly leads: number;
  readonly files: readonly FileCount[];
}


interface Enrolment {
  readonly households: Set<string>;
  readonly persons: Set<string>;
  amountFen: number;
}

export class ExpectationBuilder {
  readonly #today: string;
  readonly #halfYearAgo: string;
  readonly #householdOf = new Map<string, string>();
  readonly #members = new Map<string, { id: string; since: string }[]>();
  readonly #groups = new Map<string, Set<string>>(POPULATION_GROUPS.map((g) => [g.id, new Set<string>()]));
  readonly #enrolments = new Map<ProgrammeKind, Enrolment>();
  readonly #dibaoHouseholdsOf = new Map<string, Set<string>>();
  readonly #aid = { grants: 0, totalAmountFen: 0, persons: new Set<string>(), households: new Set<string>() };
  readonly #deaths = new Set<string>();
  readonly #leads = new Set<string>();
  readonly #withoutHousehold = new Set<string>();

  constructor(today: string) {
    this.#today = today;
    this.#halfYearAgo = addDays(today, -182);
    for (const kind of ['dibao', 'marginal', 'special_hardship'] as const) this.#enrolments.set(kind, { households: new Set(), persons: new Set(), amountFen: 0 });
  }

  /** One accepted row of `sourceId`. */
  add(sourceId: string, values: RowValues): void {
    const id = String(values.residentId);
    if (sourceId === 'household-registration') {
      const householdNo = String(values.householdNo);
      this.#householdOf.set(id, householdNo);
      let members = this.#members.get(householdNo);
      if (members === undefined) this.#members.set(householdNo, (members = []));
      members.push({ id, since: typeof values.movedInOn === 'string' ? values.movedInOn : this.#today });
      return;
    }
    if (sourceId === 'death-record') {
      this.#deaths.add(id);
      return;
    }
    const household = this.#householdOf.get(id);
    if (household === undefined) {
      const produces = sourceById(sourceId)?.produces ?? [];
      if (produces.includes('signals')) this.#leads.add(id);
      else if (produces.includes('registry')) this.#withoutHousehold.add(id);
      return;
    }
    for (const fact of membershipsFromRecord(sourceId, values, birthDateOfId(id), this.#today)) {
      if (fact.status === 'active') this.#groups.get(fact.groupId)?.add(id);
    }
    const programme = programmeFromRecord(sourceId, values, this.#today);
    if (programme === null) return;
    if (programme.programme === 'temporary_assistance') {
      if (programme.startedOn < this.#halfYearAgo) return;
      this.#aid.grants += 1;
      this.#aid.totalAmountFen += programme.amountFen;
      this.#aid.persons.add(id);
      this.#aid.households.add(household);
      return;
    }
    if (programme.programme === 'dibao') {
      let numbers = this.#dibaoHouseholdsOf.get(id);
      if (numbers === undefined) this.#dibaoHouseholdsOf.set(id, (numbers = new Set()));
      numbers.add(programme.rosterHouseholdNo ?? '');
    }
    if (programme.status !== 'active') return;
    const enrolment = this.#enrolments.get(programme.programme) as Enrolment;
    const householdKey = programme.rosterHouseholdNo ?? household;
    if (programme.rosterHouseholdNo === null) enrolment.amountFen += programme.amountFen;
    else if (!enrolment.households.has(householdKey)) enrolment.amountFen += programme.amountFen;
    enrolment.households.add(householdKey);
    enrolment.persons.add(id);
  }

  build(files: readonly FileCount[]): CityExpectation {
    for (const members of this.#members.values()) {
      for (const { id, since } of members) {
        for (const fact of membershipsFromHousehold({ birthDate: birthDateOfId(id), householdSize: members.length, since }, this.#today)) {
          if (fact.status === 'active') this.#groups.get(fact.groupId)?.add(id);
        }
      }
    }
    const grouped = new Set<string>();
    for (const members of this.#groups.values()) for (const id of members) grouped.add(id);
    let householdsInDatabase = 0;
    for (const members of this.#members.values()) if (members.some((m) => grouped.has(m.id))) householdsInDatabase++;
    const enrolled = new Set<string>();
    const count = (kind: ProgrammeKind): ProgrammeCount => {
      const e = this.#enrolments.get(kind) as Enrolment;
      for (const id of e.persons) enrolled.add(id);
      return { households: e.households.size, persons: e.persons.size, monthlyAmountFen: e.amountFen };
    };
    const programmes = {
      dibao: count('dibao'),
      marginal: count('marginal'),
      special_hardship: count('special_hardship'),
      temporary_assistance: {
        households: this.#aid.households.size, persons: this.#aid.persons.size, grants: this.#aid.grants, totalAmountFen: this.#aid.totalAmountFen,
        averagePerPersonFen: this.#aid.persons.size === 0 ? 0 : Math.round(this.#aid.totalAmountFen / this.#aid.persons.size),
      },
    };
    return {
      today: this.#today,
      persons: this.#householdOf.size,
      households: this.#members.size,
      householdsInDatabase,
      groups: Object.fromEntries([...this.#groups].map(([id, members]) => [id, members.size])),
      programmes,
      deaths: this.#deaths.size,
      conflicts: {
        id_in_two_households: [...this.#dibaoHouseholdsOf.values()].filter((numbers) => numbers.size > 1).length,
        death_of_enrolled: [...this.#deaths].filter((id) => enrolled.has(id)).length,
        roster_without_household: this.#withoutHousehold.size,
      },
      leads: this.#leads.size,
      files,
    };
  }
}
