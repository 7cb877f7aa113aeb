import type { Kysely } from 'kysely';
import {
  addDays, evaluateRule, medicalFeatures, parameterLookup, MEDICAL_BURDEN_RULE,
  type PolicyEntry, type RuleDefinition,
} from '@shouwang/domain';
import type { Explanation } from '@shouwang/contract';
import type { Db } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { EvaluationQueue } from './evaluation-queue.js';
import { SignalRepository, type SignalRow } from '../signals/signal.repository.js';
import { WarningRepository, type WarningRow } from './warning.repository.js';

export interface WarningChange {
  readonly kind: 'opened' | 'updated';
  readonly warning: WarningRow;
}

export interface EvaluationContext {
  readonly cityCode: string;
  readonly policy: readonly PolicyEntry[];
  /** ISO date the evaluation is for (Asia/Shanghai). */
  readonly asOf: string;
  readonly now: string;
}

const MAX_EVIDENCE = 50;

/**
 * Re-evaluates the illness rule for households whose signals changed. One household in one
 * crisis is one warning (an episode): while a warning is not closed, new evidence updates
 * its explanation instead of opening another. Running it twice changes nothing the second
 * time, so it is safe to repeat after a retry.
 */
export class WarningEvaluator {
  /** The signal kinds the rules read: only households with such a new signal are queued for evaluation. */
  static readonly applicableSignals: ReadonlySet<string> = new Set(['medical_expense']);

  constructor(private readonly rule: RuleDefinition = MEDICAL_BURDEN_RULE) {}

  async evaluate(db: Kysely<Database>, householdIds: readonly string[], ctx: EvaluationContext): Promise<WarningChange[]> {
    const ids = [...new Set(householdIds)];
    if (ids.length === 0) return [];
    const param = parameterLookup(ctx.policy, ctx.cityCode, ctx.asOf);
    const lookback = param('medicalLookbackDays')?.value ?? 365;
    const from = addDays(ctx.asOf, -lookback);

    const households = new Map<string, { id: string; annual_income_fen: number; member_count: number; community_code: string }>();
    for (let i = 0; i < ids.length; i += 400) {
      const rows = await db.selectFrom('household').select(['id', 'annual_income_fen', 'member_count', 'community_code'])
        .where('id', 'in', ids.slice(i, i + 400)).execute();
      for (const r of rows) households.set(r.id, r);
    }
    const signals = await new SignalRepository(db).forHouseholds(ids, 'medical_expense', from, ctx.asOf);
    const byHousehold = new Map<string, SignalRow[]>();
    for (const s of signals) {
      if (!s.household_id) continue;
      const list = byHousehold.get(s.household_id) ?? [];
      list.push(s);
      byHousehold.set(s.household_id, list);
    }
    const warnings = new WarningRepository(db);
    const open = await warnings.openEpisodes(ids, this.rule.situation);
    const changes: WarningChange[] = [];

    for (const id of ids) {
      const household = households.get(id);
      if (!household) continue;
      const expenses = byHousehold.get(id) ?? [];
      const features = {
        ...medicalFeatures(expenses.map((s) => ({ occurredOn: s.occurred_on, outOfPocketFen: s.amount_fen ?? 0 })), ctx.asOf, lookback),
        annual_income: household.annual_income_fen,
        member_count: household.member_count,
      };
      const result = evaluateRule(this.rule, features, param, ctx.asOf);
      if (!result.fired) continue;

      const explanation: Explanation = {
        ruleId: this.rule.id,
        ruleVersion: this.rule.version,
        evaluatedOn: ctx.asOf,
        inputs: features,
        conditions: result.conditions.map((c) => ({ ...c })),
        parameters: result.parameters.map((p) => ({ ...p })),
        evidence: expenses.slice(-MAX_EVIDENCE).reverse().map((s) => ({
          signalId: s.id, kind: s.kind, occurredOn: s.occurred_on, amountFen: s.amount_fen,
          sourceId: s.source_id, batchId: s.batch_id, rowNumber: s.row_number, recordKey: s.record_key,
        })),
      };
      const explanationText = JSON.stringify(explanation);
      const existing = open.get(id);
      if (existing) {
        // The evaluation date alone changing is not news: compare what the rule saw.
        const before = JSON.parse(existing.explanation) as Explanation;
        if (JSON.stringify({ ...before, evaluatedOn: '' }) === JSON.stringify({ ...explanation, evaluatedOn: '' })) continue;
        const change = { explanation: explanationText, key_figure_fen: features.oop_medical_12m, updated_at: ctx.now, rule_version: this.rule.version };
        await warnings.updateEvaluation(existing.id, change);
        await warnings.addEvent(existing.id, ctx.now, 'evidence_updated', null);
        changes.push({ kind: 'updated', warning: { ...existing, ...change } });
        continue;
      }
      const warning: WarningRow = {
        id: newId(),
        household_id: id,
        community_code: household.community_code,
        situation: this.rule.situation,
        rule_id: this.rule.id,
        rule_version: this.rule.version,
        status: 'open',
        key_figure_fen: features.oop_medical_12m,
        explanation: explanationText,
        opened_at: ctx.now,
        updated_at: ctx.now,
        closed_at: null,
      };
      await warnings.insert(warning);
      await warnings.addEvent(warning.id, ctx.now, 'opened', null);
      changes.push({ kind: 'opened', warning });
    }
    return changes;
  }
}

export interface EvaluationSettings {
  readonly cityCode: string;
  readonly policy: readonly PolicyEntry[];
}

const drains = new WeakMap<Db, Promise<unknown>>();

/**
 * Evaluates every queued household, a transaction per slice that also removes the slice from
 * the queue. Drains of one database run one at a time in this process, so two deliveries
 * touching one household cannot both open an episode for it.
 */
export function drainEvaluationQueue(db: Db, settings: EvaluationSettings, clock: { now(): Date; today(): string }): Promise<WarningChange[]> {
  const previous = drains.get(db) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const evaluator = new WarningEvaluator();
    const changes: WarningChange[] = [];
    for (;;) {
      const ids = await new EvaluationQueue(db.kysely).peek(500);
      if (ids.length === 0) return changes;
      const now = clock.now().toISOString();
      changes.push(...await db.kysely.transaction().execute(async (trx) => {
        const result = await evaluator.evaluate(trx, ids, { cityCode: settings.cityCode, policy: settings.policy, asOf: clock.today(), now });
        await new EvaluationQueue(trx).remove(ids);
        return result;
      }));
    }
  });
  drains.set(db, run);
  return run;
}
