import { z } from 'zod';
import { IsoDate, IsoTimestamp, Situation } from './common.js';

export const WarningStatus = z.enum(['open', 'acknowledged', 'closed']);
export type WarningStatus = z.infer<typeof WarningStatus>;

export const WarningSummary = z.object({
  id: z.string(),
  householdId: z.string(),
  situation: Situation,
  ruleId: z.string(),
  status: WarningStatus,
  /** Head of household, masked unless the caller's role needs the full name. */
  headName: z.string(),
  address: z.string(),
  communityCode: z.string(),
  communityName: z.string(),
  subdistrictName: z.string(),
  districtName: z.string(),
  /** The household's 12-month out-of-pocket medical cost etc.: the rule's key figure, in fen. */
  keyFigureFen: z.number().int().nullable(),
  openedAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});
export type WarningSummary = z.infer<typeof WarningSummary>;

export const WarningListQuery = z.object({
  status: WarningStatus.optional(),
  situation: Situation.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type WarningListQuery = z.infer<typeof WarningListQuery>;

export const WarningList = z.object({
  items: z.array(WarningSummary),
  total: z.number().int(),
});
export type WarningList = z.infer<typeof WarningList>;

/** One comparison the rule made: `value operator threshold`, with how the threshold was derived. */
export const ExplanationCondition = z.object({
  /** Stable key for i18n, e.g. `oop_medical_12m`. */
  feature: z.string(),
  value: z.number(),
  unit: z.enum(['fen', 'ratio', 'count', 'days']),
  operator: z.enum(['>=', '>', '<=', '<', '==']),
  threshold: z.number(),
  passed: z.boolean(),
});
export type ExplanationCondition = z.infer<typeof ExplanationCondition>;

export const ExplanationParameter = z.object({
  /** Policy parameter key, e.g. `medicalBurdenRatio`. */
  key: z.string(),
  value: z.number(),
  effectiveFrom: IsoDate,
});

export const ExplanationEvidence = z.object({
  signalId: z.string(),
  kind: z.string(),
  occurredOn: IsoDate,
  amountFen: z.number().int().nullable(),
  sourceId: z.string(),
  batchId: z.string(),
  rowNumber: z.number().int(),
  recordKey: z.string(),
});

export const Explanation = z.object({
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  evaluatedOn: IsoDate,
  /** Household figures the rule read, e.g. annual income in fen and member count. */
  inputs: z.record(z.string(), z.number()),
  conditions: z.array(ExplanationCondition),
  parameters: z.array(ExplanationParameter),
  evidence: z.array(ExplanationEvidence),
});
export type Explanation = z.infer<typeof Explanation>;

export const WarningMember = z.object({
  name: z.string(),
  residentId: z.string(),
  relation: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number().int(),
});

export const WarningDetail = WarningSummary.extend({
  household: z.object({
    id: z.string(),
    memberCount: z.number().int(),
    annualIncomeFen: z.number().int(),
    phone: z.string().nullable(),
    members: z.array(WarningMember),
  }),
  explanation: Explanation,
  history: z.array(z.object({ at: IsoTimestamp, action: z.string(), by: z.string().nullable() })),
});
export type WarningDetail = z.infer<typeof WarningDetail>;

export const WarningStatusChange = z.object({ status: WarningStatus });
