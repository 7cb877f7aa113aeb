import type { Db } from '../db/database.js';

/** What the registry holds, city-wide: for the loader's report, tests and benchmarks (not a caller-facing read). */
export interface RegistryCensus {
  /** Persons alive and registered in a household. */
  persons: number;
  /** Households with at least one such person. */
  households: number;
  /** Group id → persons with an active membership. */
  groups: Record<string, number>;
  /** Programme → active enrolments: households, persons and the monthly amount in fen. */
  programmes: Record<string, { households: number; persons: number; amountFen: number }>;
  /** Kind → open data-quality issues. */
  conflicts: Record<string, number>;
  /** Open leads. */
  leads: number;
}

export async function registryCensus(db: Db): Promise<RegistryCensus> {
  const k = db.kysely;
  const persons = await k.selectFrom('person').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('household_id').distinct().as('h')])
    .where('status', '=', 'active').where('household_id', 'is not', null).executeTakeFirstOrThrow();
  const groups = await k.selectFrom('group_membership').select(['group_id', (eb) => eb.fn.count<number>('person_id').distinct().as('n')])
    .where('status', '=', 'active').groupBy('group_id').execute();
  const programmes = await k.selectFrom('programme_enrolment')
    .select(['programme', (eb) => eb.fn.count<number>('household_id').distinct().as('h'), (eb) => eb.fn.count<number>('person_id').distinct().as('p'), (eb) => eb.fn.sum<number>('amount_fen').as('amount')])
    .where('status', '=', 'active').groupBy('programme').execute();
  const conflicts = await k.selectFrom('data_quality_issue').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'open').groupBy('kind').execute();
  const leads = await k.selectFrom('lead').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirstOrThrow();
  return {
    persons: Number(persons.n), households: Number(persons.h),
    groups: Object.fromEntries(groups.map((g) => [g.group_id, Number(g.n)])),
    programmes: Object.fromEntries(programmes.map((p) => [p.programme, { households: Number(p.h), persons: Number(p.p), amountFen: Number(p.amount ?? 0) }])),
    conflicts: Object.fromEntries(conflicts.map((c) => [c.kind, Number(c.n)])),
    leads: Number(leads.n),
  };
}
