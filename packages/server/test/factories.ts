import { randomUUID } from 'node:crypto';
import { canonicalHeaders, composeResidentId, sourceById } from '@shouwang/domain';
import type { AppContext } from '../src/context.js';
import { bulkInsertHouseholds, bulkInsertPersons } from '../src/registry/registry.repository.js';
import { householdRow, personRow } from '../src/registry/registry-rows.js';

export interface TestHousehold { id: string; headResidentId: string; headName: string; communityCode: string; members: string[] }

let sequence = 0;

/** A household with a head (and optional members) in a community; IDs are valid and unique per test run. */
export async function createHousehold(ctx: AppContext, options: { communityCode: string; annualIncomeFen: number; headName?: string; members?: number; phone?: string; address?: string }): Promise<TestHousehold> {
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  const address = options.address ?? `玄武区梅园新村街道长江路${++sequence}号`;
  if (options.address) sequence++;
  const count = options.members ?? 1;
  const ids = Array.from({ length: count }, (_, i) => composeResidentId(options.communityCode.slice(0, 6), `19${60 + (sequence % 30)}-0${1 + (i % 9)}-1${sequence % 10}`, (sequence * 7 + i) % 50, i % 2 === 0 ? 'male' : 'female'));
  await bulkInsertHouseholds(ctx.db, [householdRow(ctx.keys, {
    id, externalKey: `T${id}`, communityCode: options.communityCode, address, phone: options.phone ?? '13812345678',
    annualIncomeFen: options.annualIncomeFen, memberCount: count, programme: 'dibao',
  }, now)]);
  const headName = options.headName ?? '张建国';
  await bulkInsertPersons(ctx.db, ids.map((residentId, i) => personRow(ctx.keys, {
    id: randomUUID(), residentId, name: i === 0 ? headName : `张${i}`, sex: i % 2 === 0 ? 'male' : 'female', birthDate: '1960-01-01',
    householdId: id, relation: i === 0 ? '户主' : '子女',
  }, now)));
  return { id, headResidentId: ids[0] as string, headName, communityCode: options.communityCode, members: ids };
}

/** A Medical Security Bureau CSV as a department would send it. */
export function settlementCsv(rows: { no: string; id: string; name?: string; date: string; total: string; reimbursed: string; oop: string; type?: string }[]): string {
  const header = '结算流水号,身份证号码,姓名,结算日期,医疗机构名称,就医类别,医疗总费用(元),统筹基金支付(元),个人自付(元)';
  return [header, ...rows.map((r) => [r.no, r.id, r.name ?? '张建国', r.date, '南京鼓楼医院', r.type ?? '住院', r.total, r.reimbursed, r.oop].join(','))].join('\r\n') + '\r\n';
}

/** A department file of any catalogue source with its canonical headers; cells by field key, empty when absent. */
export function departmentCsv(sourceId: string, rows: readonly Record<string, string>[]): Buffer {
  const source = sourceById(sourceId);
  if (!source) throw new Error(`no source ${sourceId}`);
  const lines = [canonicalHeaders(source).join(','), ...rows.map((r) => source.fields.map((f) => r[f.key] ?? '').join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}
