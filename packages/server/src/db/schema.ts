import type { Generated } from 'kysely';

/**
 * Table types. Both dialects store the same shapes: timestamps as ISO-8601 UTC text, dates
 * as ISO text, money as integer fen (bigint on PostgreSQL), booleans as 0/1, JSON as text.
 */
export interface Database {
  territory_unit: TerritoryUnitTable;
  household: HouseholdTable;
  person: PersonTable;
  intake_batch: IntakeBatchTable;
  intake_record: IntakeRecordTable;
  intake_payload_block: IntakePayloadBlockTable;
  intake_reject: IntakeRejectTable;
  signal: SignalTable;
  warning: WarningTable;
  warning_event: WarningEventTable;
  app_user: AppUserTable;
  user_scope: UserScopeTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  app_setting: AppSettingTable;
  api_key: ApiKeyTable;
  evaluation_queue: EvaluationQueueTable;
  household_history: HouseholdHistoryTable;
  person_income: PersonIncomeTable;
  group_membership: GroupMembershipTable;
  programme_enrolment: ProgrammeEnrolmentTable;
  data_quality_issue: DataQualityIssueTable;
  lead: LeadTable;
  lead_evidence: LeadEvidenceTable;
}

/** Which household a person was registered in, and when; the open row (`to_on` null) is current. */
export interface HouseholdHistoryTable {
  person_id: string;
  household_id: string;
  relation: string;
  from_on: string;
  to_on: string | null;
  batch_id: string | null;
  row_number: number | null;
}

/** A person's latest annualised income figure per source (wage, pension, benefit). */
export interface PersonIncomeTable {
  person_id: string;
  source_id: string;
  kind: 'wage' | 'pension' | 'benefit';
  annual_fen: number;
  period: string;
  updated_at: string;
}

/** One person in one population group, from one source record (see the domain's POPULATION_GROUPS). */
export interface GroupMembershipTable {
  person_id: string;
  household_id: string | null;
  group_id: string;
  source_id: string;
  /** The source record that establishes it; `household` memberships use `household:<person id>`. */
  record_key: string;
  started_on: string;
  ended_on: string | null;
  status: 'active' | 'ended';
  batch_id: string | null;
  row_number: number | null;
  updated_at: string;
}

/** Enrolment in dibao, marginal, special hardship, or a temporary-assistance payment, with its money. */
export interface ProgrammeEnrolmentTable {
  source_id: string;
  record_key: string;
  programme: 'dibao' | 'marginal' | 'special_hardship' | 'temporary_assistance';
  person_id: string;
  household_id: string | null;
  roster_household_no: string | null;
  /** Monthly amount (one-off for temporary assistance), fen. */
  amount_fen: number;
  started_on: string;
  ended_on: string | null;
  status: 'active' | 'ended';
  batch_id: string | null;
  row_number: number | null;
  updated_at: string;
}

export type DataQualityKind = 'id_in_two_households' | 'death_of_enrolled' | 'roster_without_household';

/** A conflict between feeds, kept with its evidence until a steward resolves it. */
export interface DataQualityIssueTable {
  id: string;
  kind: DataQualityKind;
  status: 'open' | 'resolved' | 'dismissed';
  person_id: string | null;
  id_hash: string;
  id_masked: string;
  name: string;
  community_code: string | null;
  source_id: string;
  record_key: string;
  batch_id: string;
  row_number: number;
  evidence: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution_note: string | null;
}

/** Someone a department record says is in difficulty who is not in the database (未覆盖). */
export interface LeadTable {
  id: string;
  id_hash: string;
  id_enc: string;
  id_masked: string;
  name: string;
  community_code: string | null;
  status: 'open' | 'added' | 'dismissed';
  signal_count: number;
  max_amount_fen: number | null;
  /** Signal kinds seen, comma-separated. */
  kinds: string;
  first_seen_at: string;
  last_seen_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_reason: string | null;
  person_id: string | null;
}

export interface LeadEvidenceTable {
  lead_id: string;
  source_id: string;
  record_key: string;
  kind: string;
  occurred_on: string;
  amount_fen: number | null;
  batch_id: string;
  row_number: number;
}

export interface ApiKeyTable {
  id: string;
  name: string;
  /** The one source this key may write. */
  source_id: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface EvaluationQueueTable {
  household_id: string;
  queued_at: string;
}

export interface TerritoryUnitTable {
  code: string;
  name: string;
  level: 'city' | 'district' | 'subdistrict' | 'community';
  parent_code: string | null;
}

export interface HouseholdTable {
  id: string;
  /** The demo city's or the department's stable household number. */
  external_key: string;
  community_code: string;
  address_enc: string;
  address_masked: string;
  phone_enc: string | null;
  phone_masked: string | null;
  /** Last four digits of the phone, for search. */
  phone_tail: string | null;
  /** The road, street or village of the address (珠江路), for search without decryption. */
  address_road: string;
  annual_income_fen: number;
  member_count: number;
  programme: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonTable {
  id: string;
  /** HMAC-SHA256 of the 18-digit resident ID: the only way to look a person up by ID. */
  id_hash: string;
  id_enc: string;
  id_masked: string;
  name: string;
  /** Pinyin initials of the name, lower case (张建国 → zjg), for search. */
  name_initials: string;
  /** Last four characters of the resident ID, as shown in its masked form. */
  id_tail: string;
  sex: 'male' | 'female';
  birth_date: string;
  household_id: string | null;
  relation: string;
  created_at: string;
  /** `deceased` from a death record or the register's 死亡注销; `moved_out` after 迁出. */
  status: 'active' | 'deceased' | 'moved_out';
  died_on: string | null;
  updated_at: string | null;
}

export interface IntakeBatchTable {
  id: string;
  source_id: string;
  file_name: string;
  file_sha256: string;
  encoding: string;
  /** `pending` while being applied (resumed after a restart), then one of the others. */
  status: 'pending' | 'applied' | 'refused' | 'duplicate';
  refusal: string | null;
  /** The refusal in Chinese, for the data steward's screen. */
  refusal_zh: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  signals: number;
  received_at: string;
  duplicate_of: string | null;
  submitted_by: string | null;
  format: 'csv' | 'xlsx' | 'json';
  /** How it arrived: `upload` (web), `api` (integration key), `cli`, `feed` (demo simulator). */
  channel: 'upload' | 'api' | 'cli' | 'feed';
  /** The received file, kept in the data folder until the batch is applied. */
  stored_path: string | null;
  total_rows: number | null;
  /** Rows up to this row number are applied: the resume point. */
  checkpoint_row: number;
  header_row: number;
  idempotency_key: string | null;
  /** The batch whose rejected rows this delivery fixes. */
  corrects_batch_id: string | null;
  completed_at: string | null;
  sheet: string | null;
  /** The process applying the batch (`host:pid`), and until when its claim holds. */
  lease_owner: string | null;
  lease_until: string | null;
}

export interface IntakeRecordTable {
  source_id: string;
  record_key: string;
  version: number;
  content_hash: string;
  is_current: number;
  batch_id: string;
  row_number: number;
  person_id: string | null;
  /**
   * The normalised record, encrypted on its own (it holds resident IDs and health data): a JSON
   * array of the values in the field order of the source definition's `source_version`. Only
   * records stored before payload blocks have it; later ones name their block instead.
   */
  payload_enc: string | null;
  source_version: number;
  received_at: string;
  /** `recordKeyHash(source_id, record_key)`: the index records are found by. */
  key_hash: number;
  /** `subjectKey` of the resident ID the record names: the index a person's records are found by; null when it names nobody. */
  subject_key: number | null;
  /** The `intake_payload_block` that holds the record's payload (with its chunk's others), and its place in the block. */
  payload_block: string | null;
  payload_index: number | null;
}

/** The payloads of up to `PAYLOADS_PER_BLOCK` records of one chunk, sealed together: a JSON array of their value arrays, encrypted. */
export interface IntakePayloadBlockTable {
  id: string;
  batch_id: string;
  payloads_enc: string;
}

export interface IntakeRejectTable {
  id: Generated<number>;
  batch_id: string;
  row_number: number;
  column_name: string;
  /** The offending value, encrypted (it may be a resident ID). */
  value_enc: string;
  /** Stable id of the broken rule, e.g. `resident_id.check_digit`. */
  rule: string;
  reason: string;
  reason_zh: string;
  /** The whole original row as the department sent it, encrypted, for download and fix. */
  row_enc: string;
}

export interface SignalTable {
  id: string;
  kind: string;
  household_id: string | null;
  person_id: string | null;
  occurred_on: string;
  amount_fen: number | null;
  source_id: string;
  record_key: string;
  record_version: number;
  batch_id: string;
  row_number: number;
  superseded: number;
  created_at: string;
  /** `recordKeyHash(source_id, record_key)` of the record the signal came from. */
  key_hash: number;
}

export interface WarningTable {
  id: string;
  household_id: string;
  community_code: string;
  situation: string;
  rule_id: string;
  rule_version: number;
  status: 'open' | 'acknowledged' | 'closed';
  key_figure_fen: number | null;
  explanation: string;
  opened_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface WarningEventTable {
  id: Generated<number>;
  warning_id: string;
  at: string;
  action: string;
  user_id: string | null;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: 'city_admin' | 'social_worker' | 'screen_viewer';
  disabled: number;
  created_at: string;
}

export interface UserScopeTable {
  user_id: string;
  territory_code: string;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface AppSettingTable {
  key: string;
  value: string;
}
