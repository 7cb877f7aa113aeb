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

/** A group membership or programme enrolment of a household member, with the record it comes from. */
export const MembershipFact = z.object({
  groupId: z.string(),
  memberName: z.string(),
  status: z.enum(['active', 'ended']),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  sourceId: z.string(),
  /** Null for memberships the household register implies (living alone, 80+). */
  batchId: z.string().nullable(),
  rowNumber: z.number().int().nullable(),
  updatedAt: IsoTimestamp,
});
export type MembershipFact = z.infer<typeof MembershipFact>;

export const ProgrammeKind = z.enum(['dibao', 'marginal', 'special_hardship', 'temporary_assistance']);
export type ProgrammeKind = z.infer<typeof ProgrammeKind>;

export const EnrolmentFact = z.object({
  programme: ProgrammeKind,
  memberName: z.string(),
  status: z.enum(['active', 'ended']),
  /** Monthly, in fen; the one-off amount for temporary assistance. */
  amountFen: z.number().int(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  rosterHouseholdNo: z.string().nullable(),
  sourceId: z.string(),
  batchId: z.string().nullable(),
  rowNumber: z.number().int().nullable(),
});
export type EnrolmentFact = z.infer<typeof EnrolmentFact>;

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
    status: z.enum(['active', 'deceased', 'moved_out']),
  })),
  warnings: z.array(z.object({ id: z.string(), situation: z.string(), status: z.string(), openedAt: IsoTimestamp, keyFigureFen: z.number().int().nullable() })),
  signals: z.array(z.object({
    kind: z.string(), occurredOn: z.string(), amountFen: z.number().int().nullable(), memberName: z.string(),
    sourceId: z.string(), batchId: z.string(), rowNumber: z.number().int(), receivedAt: IsoTimestamp,
  })),
  groups: z.array(MembershipFact),
  programmes: z.array(EnrolmentFact),
});
export type HouseholdProfile = z.infer<typeof HouseholdProfile>;

export const GroupCount = z.object({
  id: z.string(), nameZh: z.string(), nameEn: z.string(), department: z.string(),
  /** Persons with an active membership, inside the caller's territory. */
  persons: z.number().int(),
  households: z.number().int(),
});

export const ProgrammeCount = z.object({ programme: ProgrammeKind, households: z.number().int(), persons: z.number().int(), monthlyAmountFen: z.number().int() });

/** The database at a glance, inside the caller's territory. */
export const RegistryOverview = z.object({
  persons: z.number().int(),
  households: z.number().int(),
  groups: z.array(GroupCount),
  programmes: z.array(ProgrammeCount),
  openIssues: z.number().int(),
  openLeads: z.number().int(),
});
export type RegistryOverview = z.infer<typeof RegistryOverview>;

export const DataQualityKind = z.enum(['id_in_two_households', 'death_of_enrolled', 'roster_without_household']);
export type DataQualityKind = z.infer<typeof DataQualityKind>;

export const DataQualityIssue = z.object({
  id: z.string(),
  kind: DataQualityKind,
  status: z.enum(['open', 'resolved', 'dismissed']),
  name: z.string(),
  /** Masked. */
  residentId: z.string(),
  communityCode: z.string().nullable(),
  communityName: z.string(),
  householdId: z.string().nullable(),
  sourceId: z.string(),
  batchId: z.string(),
  rowNumber: z.number().int(),
  reason: z.string(),
  reasonZh: z.string(),
  /** What conflicts with what; masked values only. */
  evidence: z.record(z.string(), z.unknown()),
  createdAt: IsoTimestamp,
  resolvedAt: IsoTimestamp.nullable(),
  resolutionNote: z.string().nullable(),
});
export type DataQualityIssue = z.infer<typeof DataQualityIssue>;

export const QueueQuery = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  kind: z.string().max(40).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type QueueQuery = z.infer<typeof QueueQuery>;

export const DataQualityList = z.object({ items: z.array(DataQualityIssue), total: z.number().int(), byKind: z.record(z.string(), z.number().int()) });
export type DataQualityList = z.infer<typeof DataQualityList>;

/** `reapply`: the missing household has arrived since; apply the record again. */
export const ResolveIssueBody = z.object({ action: z.enum(['resolve', 'dismiss', 'reapply']), note: z.string().trim().min(2).max(500) });
export type ResolveIssueBody = z.infer<typeof ResolveIssueBody>;

export const LeadEvidence = z.object({
  sourceId: z.string(), kind: z.string(), occurredOn: z.string(), amountFen: z.number().int().nullable(), batchId: z.string(), rowNumber: z.number().int(),
});

/** Potentially in difficulty, not covered: a department record about someone the database does not hold. */
export const Lead = z.object({
  id: z.string(),
  name: z.string(),
  residentId: z.string(),
  communityCode: z.string().nullable(),
  communityName: z.string(),
  status: z.enum(['open', 'added', 'dismissed']),
  signalCount: z.number().int(),
  maxAmountFen: z.number().int().nullable(),
  kinds: z.array(z.string()),
  firstSeenAt: IsoTimestamp,
  lastSeenAt: IsoTimestamp,
  reviewReason: z.string().nullable(),
  householdId: z.string().nullable(),
  evidence: z.array(LeadEvidence),
});
export type Lead = z.infer<typeof Lead>;

export const LeadList = z.object({ items: z.array(Lead), total: z.number().int() });
export type LeadList = z.infer<typeof LeadList>;

export const ReviewLeadBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), communityCode: z.string().regex(/^\d{12}$/), address: z.string().trim().min(4).max(200), note: z.string().trim().max(500).optional() }),
  z.object({ action: z.literal('dismiss'), reason: z.string().trim().min(2).max(500) }),
]);
export type ReviewLeadBody = z.infer<typeof ReviewLeadBody>;
