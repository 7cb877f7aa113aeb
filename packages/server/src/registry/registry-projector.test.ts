import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeResidentId } from '@shouwang/domain';
import { DIALECTS } from '../../test/databases.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { departmentCsv as csvOf } from '../../test/factories.js';

const COMMUNITY = '320102002001';
const OTHER_COMMUNITY = '320104003001';
const WANG = composeResidentId('320102', '1958-03-02', 11, 'male');
const LI = composeResidentId('320102', '1962-07-19', 12, 'female');
const CHILD = composeResidentId('320102', '2014-05-01', 13, 'male');
const ZHAO = composeResidentId('320104', '1940-01-09', 14, 'female');
const STRANGER = composeResidentId('320106', '1975-10-10', 15, 'male');
const NOBODY = composeResidentId('320106', '1981-02-02', 16, 'female');

const REGISTER = [
  { householdNo: 'HJ001', residentId: WANG, name: '王建国', relationToHead: '户主', address: '南京市玄武区珠江路88号3幢201室', communityCode: COMMUNITY, movedInOn: '1990-05-01', registrationStatus: '正常' },
  { householdNo: 'HJ001', residentId: LI, name: '李秀英', relationToHead: '配偶', address: '南京市玄武区珠江路88号3幢201室', communityCode: COMMUNITY, movedInOn: '1990-05-01', registrationStatus: '正常' },
  { householdNo: 'HJ001', residentId: CHILD, name: '王子涵', relationToHead: '孙子', address: '南京市玄武区珠江路88号3幢201室', communityCode: COMMUNITY, movedInOn: '2014-05-20', registrationStatus: '正常' },
  { householdNo: 'HJ002', residentId: ZHAO, name: '赵桂兰', relationToHead: '户主', address: '南京市秦淮区中华路12号', communityCode: OTHER_COMMUNITY, movedInOn: '1980-01-01', registrationStatus: '正常' },
];
const DIBAO = (householdNo: string, residentId: string, name: string, relation: string) => ({
  householdNo, residentId, name, relationToHead: relation, members: '3', monthlyAllowanceFen: '1110.00', startedOn: '2024-03-01', status: '在保', communityCode: COMMUNITY,
});

describe.each(DIALECTS)('the registry built from feeds on %s', (dialect) => {
  let ctx: TestContext;
  beforeEach(async () => { ctx = await createTestContext(dialect); });
  afterEach(async () => ctx.dispose());

  const deliver = async (sourceId: string, rows: readonly Record<string, string>[]) => {
    const outcome = await ctx.deliveries.deliver({ sourceId, fileName: `${sourceId}.csv`, file: { bytes: csvOf(sourceId, rows) }, channel: 'cli', submittedBy: null });
    expect(outcome.status, JSON.stringify(outcome)).toBe('applied');
    return outcome;
  };
  const k = () => ctx.db.kysely;
  const personByName = (name: string) => k().selectFrom('person').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
  const active = async (groupId: string) => (await k().selectFrom('group_membership').innerJoin('person', 'person.id', 'group_membership.person_id')
    .select('person.name').where('group_id', '=', groupId).where('group_membership.status', '=', 'active').orderBy('person.name').execute()).map((r) => r.name);
  const issues = () => k().selectFrom('data_quality_issue').selectAll().orderBy('kind').execute();

  it('takes households and members from the register, with their history and the groups their ages and households make', async () => {
    await deliver('household-registration', REGISTER);
    const households = await k().selectFrom('household').select(['external_key', 'member_count', 'community_code', 'address_masked']).orderBy('external_key').execute();
    expect(households).toEqual([
      { external_key: 'HJ001', member_count: 3, community_code: COMMUNITY, address_masked: expect.stringContaining('珠江路') as unknown },
      { external_key: 'HJ002', member_count: 1, community_code: OTHER_COMMUNITY, address_masked: expect.any(String) as unknown },
    ]);
    const wang = await personByName('王建国');
    expect(wang).toMatchObject({ relation: '户主', sex: 'male', birth_date: '1958-03-02', status: 'active' });
    expect(wang.id_enc).not.toContain(WANG);
    // The register's records are linked to the persons they created.
    const record = await k().selectFrom('intake_record').select('person_id').where('record_key', '=', ctx.keys.hashId(WANG)).executeTakeFirstOrThrow();
    expect(record.person_id).toBe(wang.id);
    expect(await active('elderly-living-alone')).toEqual(['赵桂兰']);
    expect(await active('oldest-old')).toEqual(['赵桂兰']);

    // 李秀英 moves to 赵桂兰's household: history closes and opens, and 赵桂兰 no longer lives alone.
    await deliver('household-registration', [{ ...REGISTER[1] as Record<string, string>, householdNo: 'HJ002', relationToHead: '其他', movedInOn: '2026-11-01' }]);
    const li = await personByName('李秀英');
    const history = await k().selectFrom('household_history').innerJoin('household', 'household.id', 'household_history.household_id')
      .select(['household.external_key', 'from_on', 'to_on']).where('person_id', '=', li.id).orderBy('from_on').execute();
    expect(history).toEqual([
      { external_key: 'HJ001', from_on: '1990-05-01', to_on: '2026-12-04' },
      { external_key: 'HJ002', from_on: '2026-11-01', to_on: null },
    ]);
    expect(await active('elderly-living-alone')).toEqual([]);
    const counts = await k().selectFrom('household').select(['external_key', 'member_count']).orderBy('external_key').execute();
    expect(counts.map((c) => c.member_count)).toEqual([2, 2]);
  });

  it('adds, updates and ends memberships and enrolments from rosters, and re-sending a roster changes nothing', async () => {
    await deliver('household-registration', REGISTER);
    await deliver('dibao-roster', [DIBAO('DB-1', WANG, '王建国', '户主'), DIBAO('DB-1', LI, '李秀英', '配偶'), DIBAO('DB-1', CHILD, '王子涵', '孙子')]);
    expect(await active('dibao')).toEqual(['李秀英', '王子涵', '王建国']);
    expect(await active('dibao-child')).toEqual(['王子涵']);
    expect(await active('dibao-elderly')).toEqual(['李秀英', '王建国']);
    const household = await k().selectFrom('household').select(['programme', 'id']).where('external_key', '=', 'HJ001').executeTakeFirstOrThrow();
    expect(household.programme).toBe('dibao');
    const enrolments = await k().selectFrom('programme_enrolment').select(['programme', 'amount_fen', 'status', 'household_id']).execute();
    expect(enrolments).toHaveLength(3);
    expect(enrolments.every((e) => e.amount_fen === 111_000 && e.status === 'active' && e.household_id === household.id)).toBe(true);

    // The same roster in another order (another file): every record is unchanged.
    const again = await deliver('dibao-roster', [DIBAO('DB-1', CHILD, '王子涵', '孙子'), DIBAO('DB-1', LI, '李秀英', '配偶'), DIBAO('DB-1', WANG, '王建国', '户主')]);
    expect(again.status === 'applied' && again.batch.unchanged).toBe(3);

    // Next month the child leaves dibao.
    await deliver('dibao-roster', [{ ...DIBAO('DB-1', CHILD, '王子涵', '孙子'), status: '停保', endedOn: '2026-11-30' }]);
    expect(await active('dibao')).toEqual(['李秀英', '王建国']);
    expect(await active('dibao-child')).toEqual([]);
    const ended = await k().selectFrom('group_membership').select(['status', 'ended_on']).where('group_id', '=', 'dibao-child').executeTakeFirstOrThrow();
    expect(ended).toEqual({ status: 'ended', ended_on: '2026-11-30' });

    // A disability certificate graded down ends the severe group and starts the other.
    const cert = { certificateNo: 'CJ-1', residentId: LI, name: '李秀英', category: '肢体', level: '二级', issuedOn: '2020-01-01', validUntil: '2030-01-01' };
    await deliver('disability-certificate', [cert]);
    expect(await active('severely-disabled')).toEqual(['李秀英']);
    await deliver('disability-certificate', [{ ...cert, level: '三级' }]);
    expect(await active('severely-disabled')).toEqual([]);
    expect(await active('disabled')).toEqual(['李秀英']);
  });

  it('queues conflicts with their evidence instead of resolving them: two households, a death while enrolled, a roster person with no household', async () => {
    await deliver('household-registration', REGISTER);
    await deliver('dibao-roster', [DIBAO('DB-1', WANG, '王建国', '户主'), DIBAO('DB-2', WANG, '王建国', '户主')]);
    await deliver('death-record', [{ residentId: WANG, name: '王建国', diedOn: '2026-11-28' }]);
    await deliver('worker-in-difficulty', [{ archiveNo: 'GH-1', residentId: NOBODY, name: '钱多多', category: '深度困难', filedOn: '2026-01-05' }]);

    const queue = await issues();
    expect(queue.map((i) => [i.kind, i.name, i.status, i.source_id])).toEqual([
      ['death_of_enrolled', '王建国', 'open', 'death-record'],
      ['id_in_two_households', '王建国', 'open', 'dibao-roster'],
      ['roster_without_household', '钱多多', 'open', 'worker-in-difficulty'],
    ]);
    expect(JSON.parse(queue[1]?.evidence ?? '{}')).toMatchObject({ householdNo: 'DB-2', otherHouseholdNo: 'DB-1' });
    expect(JSON.parse(queue[0]?.evidence ?? '{}')).toMatchObject({ diedOn: '2026-11-28', programmes: ['dibao'] });
    expect(queue.every((i) => !`${i.evidence}${i.record_key}`.includes(WANG) && !`${i.evidence}${i.record_key}`.includes(NOBODY))).toBe(true);
    // The death marks the person, but the enrolment is not ended behind the steward's back.
    expect((await personByName('王建国')).status).toBe('deceased');
    expect(await active('dibao')).toEqual(['王建国']);
    // Only one enrolment for the person counted twice.
    expect(await k().selectFrom('programme_enrolment').select('roster_household_no').execute()).toEqual([{ roster_household_no: 'DB-1' }]);
    expect(await active('worker-in-difficulty')).toEqual([]);
  });

  it("sums a household's income from its members' latest wage, pension and benefit records", async () => {
    await deliver('household-registration', REGISTER);
    await deliver('social-insurance-contribution', [
      { residentId: WANG, name: '王建国', contributionMonth: '2026-09', baseFen: '4000.00', employer: '南京某某物业管理有限公司' },
      { residentId: LI, name: '李秀英', contributionMonth: '2026-10', baseFen: '3000.00', employer: '南京某某餐饮管理有限公司' },
    ]);
    await deliver('pension', [{ residentId: ZHAO, name: '赵桂兰', pensionType: '城乡居民基础养老金', paidMonth: '2026-11', monthlyPensionFen: '600.00' }]);
    const income = async (no: string) => (await k().selectFrom('household').select('annual_income_fen').where('external_key', '=', no).executeTakeFirstOrThrow()).annual_income_fen;
    expect(Number(await income('HJ001'))).toBe((4000 + 3000) * 12 * 100);
    expect(Number(await income('HJ002'))).toBe(600 * 12 * 100);
    // A later month replaces the figure; an older one sent late does not.
    await deliver('social-insurance-contribution', [{ residentId: WANG, name: '王建国', contributionMonth: '2026-10', baseFen: '2000.00', employer: '南京某某物业管理有限公司' }]);
    await deliver('social-insurance-contribution', [{ residentId: LI, name: '李秀英', contributionMonth: '2026-01', baseFen: '9000.00', employer: '南京某某餐饮管理有限公司' }]);
    expect(Number(await income('HJ001'))).toBe((2000 + 3000) * 12 * 100);
  });

  it('turns a record about someone in difficulty whom the database does not hold into a lead', async () => {
    await deliver('household-registration', REGISTER);
    // A roster that reports difficulty (a disability) about an outsider is a lead too, not a conflict.
    await deliver('disability-certificate', [{ certificateNo: 'CJ-9', residentId: NOBODY, name: '钱多多', category: '视力', level: '一级', issuedOn: '2026-10-01', validUntil: '2036-10-01' }]);
    expect(await issues()).toEqual([]);
    expect((await k().selectFrom('lead').select(['name', 'kinds']).where('name', '=', '钱多多').execute())).toEqual([{ name: '钱多多', kinds: 'new_disability' }]);
    await k().deleteFrom('lead_evidence').execute();
    await k().deleteFrom('lead').execute();
    const settlement = (no: string, oop: string) => ({ settlementNo: no, residentId: STRANGER, name: '孙大伟', settledOn: '2026-11-20', totalFen: '90000.00', reimbursedFen: String(90000 - Number(oop)), outOfPocketFen: oop });
    await deliver('medical-settlement', [settlement('YB-1', '30000.00'), settlement('YB-2', '12000.00'),
      { settlementNo: 'YB-3', residentId: WANG, name: '王建国', settledOn: '2026-11-20', totalFen: '100.00', reimbursedFen: '50.00', outOfPocketFen: '50.00' }]);
    const leads = await k().selectFrom('lead').selectAll().execute();
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ name: '孙大伟', status: 'open', signal_count: 2, max_amount_fen: 3_000_000, kinds: 'medical_expense' });
    expect(leads[0]?.id_enc).not.toContain(STRANGER);
    expect(ctx.keys.decrypt(leads[0]?.id_enc ?? '')).toBe(STRANGER);
    const evidence = await k().selectFrom('lead_evidence').select(['record_key', 'kind', 'amount_fen']).orderBy('record_key').execute();
    expect(evidence).toEqual([{ record_key: 'YB-1', kind: 'medical_expense', amount_fen: 3_000_000 }, { record_key: 'YB-2', kind: 'medical_expense', amount_fen: 1_200_000 }]);
  });
});
