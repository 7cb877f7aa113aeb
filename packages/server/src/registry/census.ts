import { addDays } from '@shouwang/domain';
import type { Db } from '../db/database.js';
import { RegistryRepository } from './registry.repository.js';

/** What the registry holds, city-wide: for the loader's report, tests and benchmarks (not a caller-facing read). */
export interface RegistryCensus {
  /** Persons alive and registered in a household. */
  persons: number;
  /** Households with at least one such person. */
  households: number;
  /** Group id → persons with an active membership. */
  groups: Record<string, number>;
  /** Programme → households, persons and amount in fen, as the overview counts them (temporary assistance: the last 182 days). */
  programmes: Record<string, { households: number; persons: number; amountFen: number }>;
  /** Kind → open data-quality issues. */
  conflicts: Record<string, number>;
  /** Open leads. */
  leads: number;
}

/** `cityCode` and `today` bound the programme counts as the overview does. */
export async function registryCensus(db: Db, cityCode: string, today: string): Promise<RegistryCensus> {
  const k = db.kysely;
  const persons = await k.selectFrom('person').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('household_id').distinct().as('h')])
    .where('status', '=', 'active').where('household_id', 'is not', null).executeTakeFirstOrThrow();
  const groups = await k.selectFrom('group_membership').select(['group_id', (eb) => eb.fn.count<number>('person_id').distinct().as('n')])
    .where('status', '=', 'active').groupBy('group_id').execute();
  const programmes = await new RegistryRepository(db).programmeCounts({ territoryCodes: [cityCode] }, addDays(today, -182));
  const conflicts = await k.selectFrom('data_quality_issue').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'open').groupBy('kind').execute();
  const leads = await k.selectFrom('lead').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirstOrThrow();
  return {
    persons: Number(persons.n), households: Number(persons.h),
    groups: Object.fromEntries(groups.map((g) => [g.group_id, Number(g.n)])),
    programmes: Object.fromEntries(programmes.map((p) => [p.programme, { households: p.households, persons: p.persons, amountFen: p.amountFen }])),
    conflicts: Object.fromEntries(conflicts.map((c) => [c.kind, Number(c.n)])),
    leads: Number(leads.n),
  };
}
