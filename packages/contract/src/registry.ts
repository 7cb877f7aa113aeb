import { z } from 'zod';
import { IsoTimestamp } from './common.js';

/** One department record about a member of a household: where a fact came from, and when. */
export const ProvenanceRecord = z.object({
  memberName: z.string(),
  relation: z.string(),
  sourceId: z.string(),
  sourceName: z.string(),
  department: z.string(),
  recordKey: z.string(),
  version: z.number().int(),
  current: z.boolean(),
  batchId: z.string(),
  fileName: z.string(),
  rowNumber: z.number().int(),
  receivedAt: IsoTimestamp,
});
export type ProvenanceRecord = z.infer<typeof ProvenanceRecord>;

export const HouseholdProvenance = z.object({
  householdId: z.string(),
  items: z.array(ProvenanceRecord),
  /** True when there were more records than returned (newest first). */
  truncated: z.boolean(),
});
export type HouseholdProvenance = z.infer<typeof HouseholdProvenance>;
