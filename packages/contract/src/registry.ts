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

export const PersonSearchQuery = z.object({
  /** A name (汉字 or pinyin initials such as `zjg`), the last 4 characters of a resident ID or phone, or part of an address. */
  q: z.string().trim().min(1).max(40),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PersonSearchQuery = z.infer<typeof PersonSearchQuery>;

export const PersonHit = z.object({
  personId: z.string(),
  householdId: z.string(),
  /** Masked unless the caller's role needs the full name. */
  name: z.string(),
  /** Always masked: 320102********1234. */
  residentId: z.string(),
  relation: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number().int(),
  address: z.string(),
  communityName: z.string(),
  subdistrictName: z.string(),
  districtName: z.string(),
  programme: z.string().nullable(),
  openWarnings: z.number().int(),
  /** What matched: name, pinyin initials, ID tail, phone tail, address. */
  matchedBy: z.enum(['name', 'initials', 'id_tail', 'phone_tail', 'address']),
});
export type PersonHit = z.infer<typeof PersonHit>;

export const PersonSearchResult = z.object({ items: z.array(PersonHit), limited: z.boolean() });
export type PersonSearchResult = z.infer<typeof PersonSearchResult>;

/** Why a person's full record is opened: recorded in the audit log with the read. */
export const ReadReason = z.enum(['home_visit', 'warning_follow_up', 'verification', 'application', 'hotline', 'data_quality']);
export type ReadReason = z.infer<typeof ReadReason>;

export const HouseholdProfileQuery = z.object({ reason: ReadReason });

export const HouseholdProfile = z.object({
  id: z.string(),
  headName: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  communityCode: z.string(),
  communityName: z.string(),
  subdistrictName: z.string(),
  districtName: z.string(),
  annualIncomeFen: z.number().int(),
  programme: z.string().nullable(),
  members: z.array(z.object({
    personId: z.string(),
    name: z.string(),
    residentId: z.string(),
    relation: z.string(),
    sex: z.enum(['male', 'female']),
    age: z.number().int(),
  })),
  warnings: z.array(z.object({ id: z.string(), situation: z.string(), status: z.string(), openedAt: IsoTimestamp, keyFigureFen: z.number().int().nullable() })),
  signals: z.array(z.object({
    kind: z.string(), occurredOn: z.string(), amountFen: z.number().int().nullable(), memberName: z.string(),
    sourceId: z.string(), batchId: z.string(), rowNumber: z.number().int(), receivedAt: IsoTimestamp,
  })),
});
export type HouseholdProfile = z.infer<typeof HouseholdProfile>;
