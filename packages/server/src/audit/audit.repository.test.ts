import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, DIALECTS, type TestDb } from '../../test/databases.js';
import { AuditRepository } from './audit.repository.js';

describe.each(DIALECTS)('audit log on %s', (dialect) => {
  let db: TestDb;
  let audit: AuditRepository;
  beforeEach(async () => {
    db = await createTestDb(dialect);
    audit = new AuditRepository(db.kysely);
    for (let i = 1; i <= 3; i++) {
      await audit.append({ userId: null, action: 'household.read', subjectType: 'household', subjectId: `h${i}` }, `2026-12-04T00:00:0${i}.000Z`);
    }
  });
  afterEach(async () => db.dispose());

  it('chains entries so that an intact log verifies', async () => {
    expect(await audit.verifyChain()).toBeNull();
    expect((await audit.list(10)).map((e) => e.seq)).toEqual([3, 2, 1]);
  });

  it('detects an edited entry', async () => {
    await db.kysely.updateTable('audit_log').set({ subject_id: 'someone-else' }).where('seq', '=', 2).execute();
    expect(await audit.verifyChain()).toBe(2);
  });

  it('detects a deleted entry', async () => {
    await db.kysely.deleteFrom('audit_log').where('seq', '=', 1).execute();
    expect(await audit.verifyChain()).toBe(2);
  });
});
