import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** The walking skeleton's schema: territory, registry, intake, signals, warnings, accounts, audit. */
export function initial(dialect: DialectName) {
  // Money and counts that may exceed 2^31 are bigint on PostgreSQL; SQLite integers are 64-bit.
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('territory_unit')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('parent_code', 'text')
        .execute();

      await db.schema.createTable('household')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('external_key', 'text', (c) => c.notNull().unique())
        .addColumn('community_code', 'text', (c) => c.notNull().references('territory_unit.code'))
        .addColumn('address_enc', 'text', (c) => c.notNull())
        .addColumn('address_masked', 'text', (c) => c.notNull())
        .addColumn('phone_enc', 'text')
        .addColumn('phone_masked', 'text')
        .addColumn('annual_income_fen', big, (c) => c.notNull())
        .addColumn('member_count', 'integer', (c) => c.notNull())
        .addColumn('programme', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('household_community').on('household').column('community_code').execute();

      await db.schema.createTable('person')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('id_hash', 'text', (c) => c.notNull().unique())
        .addColumn('id_enc', 'text', (c) => c.notNull())
        .addColumn('id_masked', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sex', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('household_id', 'text', (c) => c.references('household.id'))
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('person_household').on('person').column('household_id').execute();

      await db.schema.createTable('intake_batch')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_sha256', 'text', (c) => c.notNull())
        .addColumn('encoding', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('refusal', 'text')
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('accepted', 'integer', (c) => c.notNull())
        .addColumn('rejected', 'integer', (c) => c.notNull())
        .addColumn('unchanged', 'integer', (c) => c.notNull())
        .addColumn('signals', 'integer', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('duplicate_of', 'text')
        .addColumn('submitted_by', 'text')
        .execute();
      await db.schema.createIndex('intake_batch_file').on('intake_batch').columns(['source_id', 'file_sha256']).execute();
      await db.schema.createIndex('intake_batch_received').on('intake_batch').column('received_at').execute();

      await db.schema.createTable('intake_record')
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('record_key', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('is_current', 'integer', (c) => c.notNull())
        .addColumn('batch_id', 'text', (c) => c.notNull().references('intake_batch.id'))
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('person_id', 'text')
        .addColumn('payload_enc', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('intake_record_pk', ['source_id', 'record_key', 'version'])
        .execute();

      await db.schema.createTable('intake_reject')
        .addColumn('id', serial, (c) => c.primaryKey())
        .addColumn('batch_id', 'text', (c) => c.notNull().references('intake_batch.id'))
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('column_name', 'text', (c) => c.notNull())
        .addColumn('value_enc', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('row_enc', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('intake_reject_batch').on('intake_reject').columns(['batch_id', 'row_number']).execute();

      await db.schema.createTable('signal')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('household_id', 'text', (c) => c.references('household.id'))
        .addColumn('person_id', 'text', (c) => c.references('person.id'))
        .addColumn('occurred_on', 'text', (c) => c.notNull())
        .addColumn('amount_fen', big)
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('record_key', 'text', (c) => c.notNull())
        .addColumn('record_version', 'integer', (c) => c.notNull())
        .addColumn('batch_id', 'text', (c) => c.notNull().references('intake_batch.id'))
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('superseded', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('signal_record', ['source_id', 'record_key', 'record_version', 'kind'])
        .execute();
      await db.schema.createIndex('signal_household').on('signal').columns(['household_id', 'kind', 'occurred_on']).execute();
      await db.schema.createIndex('signal_created').on('signal').column('created_at').execute();

      await db.schema.createTable('warning')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
        .addColumn('community_code', 'text', (c) => c.notNull())
        .addColumn('situation', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('rule_version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('key_figure_fen', big)
        .addColumn('explanation', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema.createIndex('warning_scope').on('warning').columns(['community_code', 'opened_at']).execute();
      await db.schema.createIndex('warning_household').on('warning').columns(['household_id', 'situation', 'status']).execute();
      await db.schema.createIndex('warning_opened').on('warning').column('opened_at').execute();

      await db.schema.createTable('warning_event')
        .addColumn('id', serial, (c) => c.primaryKey())
        .addColumn('warning_id', 'text', (c) => c.notNull().references('warning.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .execute();
      await db.schema.createIndex('warning_event_warning').on('warning_event').column('warning_id').execute();

      await db.schema.createTable('app_user')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema.createTable('user_scope')
        .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
        .addColumn('territory_code', 'text', (c) => c.notNull().references('territory_unit.code'))
        .addPrimaryKeyConstraint('user_scope_pk', ['user_id', 'territory_code'])
        .execute();

      await db.schema.createTable('user_session')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema.createTable('audit_log')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();

      await db.schema.createTable('app_setting')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
