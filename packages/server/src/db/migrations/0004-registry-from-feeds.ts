import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The registry built from department feeds: a person's status and household history, group
 * memberships and programme enrolments with their source record, the data-quality queue
 * (conflicts a steward resolves) and leads (people in difficulty the database does not cover).
 */
export function registryFromFeeds(dialect: DialectName) {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('person').addColumn('status', 'text', (c) => c.notNull().defaultTo('active')).execute();
      await db.schema.alterTable('person').addColumn('died_on', 'text').execute();
      await db.schema.alterTable('person').addColumn('updated_at', 'text').execute();

      await db.schema.createTable('household_history')
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
        .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('from_on', 'text', (c) => c.notNull())
        .addColumn('to_on', 'text')
        .addColumn('batch_id', 'text')
        .addColumn('row_number', 'integer')
        .execute();
      await db.schema.createIndex('household_history_person').on('household_history').columns(['person_id', 'from_on']).execute();
      await db.schema.createIndex('household_history_household').on('household_history').columns(['household_id', 'to_on']).execute();

      await db.schema.createTable('person_income')
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('annual_fen', big, (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_income_pk', ['person_id', 'source_id'])
        .execute();

      await db.schema.createTable('group_membership')
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
        .addColumn('household_id', 'text')
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('record_key', 'text', (c) => c.notNull())
        .addColumn('started_on', 'text', (c) => c.notNull())
        .addColumn('ended_on', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('batch_id', 'text')
        .addColumn('row_number', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('group_membership_pk', ['source_id', 'record_key', 'group_id'])
        .execute();
      await db.schema.createIndex('group_membership_person').on('group_membership').column('person_id').execute();
      await db.schema.createIndex('group_membership_household').on('group_membership').column('household_id').execute();

      await db.schema.createTable('programme_enrolment')
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('record_key', 'text', (c) => c.notNull())
        .addColumn('programme', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
        .addColumn('household_id', 'text')
        .addColumn('roster_household_no', 'text')
        .addColumn('amount_fen', big, (c) => c.notNull())
        .addColumn('started_on', 'text', (c) => c.notNull())
        .addColumn('ended_on', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('batch_id', 'text')
        .addColumn('row_number', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('programme_enrolment_pk', ['source_id', 'record_key'])
        .execute();
      await db.schema.createIndex('programme_enrolment_person').on('programme_enrolment').columns(['person_id', 'programme']).execute();
      await db.schema.createIndex('programme_enrolment_household').on('programme_enrolment').column('household_id').execute();

      await db.schema.createTable('data_quality_issue')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text')
        .addColumn('id_hash', 'text', (c) => c.notNull())
        .addColumn('id_masked', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('community_code', 'text')
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('record_key', 'text', (c) => c.notNull())
        .addColumn('batch_id', 'text', (c) => c.notNull())
        .addColumn('row_number', 'integer', (c) => c.notNull())
        /** JSON of what conflicts with what (masked values only). */
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_by', 'text')
        .addColumn('resolution_note', 'text')
        .execute();
      await db.schema.createIndex('data_quality_issue_record').unique().on('data_quality_issue').columns(['kind', 'source_id', 'record_key']).execute();
      await db.schema.createIndex('data_quality_issue_status').on('data_quality_issue').columns(['status', 'created_at']).execute();

      await db.schema.createTable('lead')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('id_hash', 'text', (c) => c.notNull().unique())
        .addColumn('id_enc', 'text', (c) => c.notNull())
        .addColumn('id_masked', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('community_code', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('signal_count', 'integer', (c) => c.notNull())
        .addColumn('max_amount_fen', big)
        .addColumn('kinds', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('reviewed_at', 'text')
        .addColumn('reviewed_by', 'text')
        .addColumn('review_reason', 'text')
        .addColumn('person_id', 'text')
        .execute();
      await db.schema.createIndex('lead_status').on('lead').columns(['status', 'last_seen_at']).execute();
      await db.schema.createTable('lead_evidence')
        .addColumn('lead_id', 'text', (c) => c.notNull().references('lead.id'))
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('record_key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('occurred_on', 'text', (c) => c.notNull())
        .addColumn('amount_fen', big)
        .addColumn('batch_id', 'text', (c) => c.notNull())
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('lead_evidence_pk', ['lead_id', 'source_id', 'record_key', 'kind'])
        .execute();
    },
  };
}
