import type { SourceDefinition } from '../source.js';
import { communityField, nameField, phoneField, relationField, residentIdField } from './common.js';

/** 市民政局 (Civil Affairs Bureau): social-assistance rosters, temporary assistance, deaths, marriages. */
const DEPARTMENT = '市民政局';

/** 低保: one row per member of a dibao household, the whole roster each month. */
export const DIBAO_ROSTER: SourceDefinition = {
  id: 'dibao-roster',
  version: 1,
  department: DEPARTMENT,
  name: '低保对象名册',
  description: '最低生活保障家庭及其成员名册，按月全量报送',
  cadenceDays: 31,
  produces: ['registry', 'verification'],
  recordKey: ['householdNo', 'residentId'],
  fields: [
    { key: 'householdNo', headers: ['户编号', '家庭编号', '低保户编号'], type: 'text', required: true },
    residentIdField(),
    nameField(['姓名', '成员姓名']),
    relationField(true),
    { key: 'members', headers: ['保障人数', '享受人数', '保障人口数'], type: 'integer', required: true, min: 1, max: 20 },
    { key: 'monthlyAllowanceFen', headers: ['月保障金额(元)', '月保障金(元)', '月低保金(元)', '低保金额(元)'], type: 'amount_fen', required: true },
    { key: 'startedOn', headers: ['开始日期', '保障开始日期', '纳入日期'], type: 'date', required: true },
    { key: 'endedOn', headers: ['终止日期', '停保日期', '保障终止日期'], type: 'date', required: false, allowFuture: true },
    { key: 'status', headers: ['状态', '保障状态'], type: 'enum', required: true, values: ['在保', '停保'] },
    communityField(true),
  ],
  checks: [
    { kind: 'date_order', earlier: 'startedOn', later: 'endedOn' },
    { kind: 'required_when', field: 'endedOn', when: 'status', equals: '停保' },
  ],
};

/** 低保边缘: families just above the dibao line (income under 1.5× the standard). */
export const MARGINAL_ROSTER: SourceDefinition = {
  id: 'marginal-roster',
  version: 1,
  department: DEPARTMENT,
  name: '低保边缘家庭名册',
  description: '低保边缘家庭及其成员名册，含家庭月人均收入，按月全量报送',
  cadenceDays: 31,
  produces: ['registry', 'verification'],
  recordKey: ['householdNo', 'residentId'],
  fields: [
    { key: 'householdNo', headers: ['户编号', '家庭编号', '边缘户编号'], type: 'text', required: true },
    residentIdField(),
    nameField(['姓名', '成员姓名']),
    relationField(true),
    { key: 'members', headers: ['家庭人口数', '家庭人口', '共同生活人数'], type: 'integer', required: true, min: 1, max: 20 },
    { key: 'perCapitaIncomeFen', headers: ['家庭月人均收入(元)', '月人均收入(元)', '人均月收入(元)'], type: 'amount_fen', required: true },
    { key: 'recognisedOn', headers: ['认定日期', '认定时间', '审批日期'], type: 'date', required: true },
    { key: 'endedOn', headers: ['退出日期', '终止日期'], type: 'date', required: false, allowFuture: true },
    { key: 'status', headers: ['状态', '认定状态'], type: 'enum', required: true, values: ['有效', '已退出'] },
    communityField(true),
  ],
  checks: [
    { kind: 'date_order', earlier: 'recognisedOn', later: 'endedOn' },
    { kind: 'required_when', field: 'endedOn', when: 'status', equals: '已退出' },
  ],
};

/** 特困供养: people without ability to work, income or family support; one row per person. */
export const SPECIAL_HARDSHIP_ROSTER: SourceDefinition = {
  id: 'special-hardship-roster',
  version: 1,
  department: DEPARTMENT,
  name: '特困人员供养名册',
  description: '特困人员名册：供养方式、自理能力、供养金额，按月全量报送',
  cadenceDays: 31,
  produces: ['registry', 'verification'],
  recordKey: ['residentId'],
  fields: [
    residentIdField(),
    nameField(),
    { key: 'supportMode', headers: ['供养方式', '供养形式'], type: 'enum', required: true, values: ['集中供养', '分散供养'] },
    { key: 'selfCare', headers: ['生活自理能力', '自理能力', '自理能力评估结果'], type: 'enum', required: false, values: ['具备生活自理能力', '部分丧失生活自理能力', '完全丧失生活自理能力'] },
    { key: 'monthlySupportFen', headers: ['月供养金额(元)', '基本生活费(元)', '月供养标准(元)'], type: 'amount_fen', required: true },
    { key: 'monthlyCareFen', headers: ['月照料护理费(元)', '照料护理费(元)', '护理补贴(元)'], type: 'amount_fen', required: false },
    { key: 'institution', headers: ['供养机构', '供养服务机构', '敬老院名称'], type: 'text', required: false },
    { key: 'startedOn', headers: ['供养开始日期', '开始日期', '认定日期'], type: 'date', required: true },
    { key: 'endedOn', headers: ['供养终止日期', '终止日期'], type: 'date', required: false, allowFuture: true },
    { key: 'status', headers: ['供养状态', '状态'], type: 'enum', required: true, values: ['在供', '终止'] },
    communityField(true),
  ],
  checks: [
    { kind: 'date_order', earlier: 'startedOn', later: 'endedOn' },
    { kind: 'required_when', field: 'endedOn', when: 'status', equals: '终止' },
  ],
};

/** 临时救助: one grant per row, including on-the-spot aid from the petty fund (先行救助). */
export const TEMPORARY_ASSISTANCE: SourceDefinition = {
  id: 'temporary-assistance',
  version: 1,
  department: DEPARTMENT,
  name: '临时救助记录',
  description: '临时救助发放记录：救助金额、日期、事由及审批层级',
  cadenceDays: 7,
  produces: ['signals'],
  recordKey: ['aidNo'],
  fields: [
    { key: 'aidNo', headers: ['救助编号', '救助单号', '临时救助编号'], type: 'text', required: true },
    residentIdField(),
    nameField(['姓名', '救助对象姓名', '申请人姓名']),
    { key: 'amountFen', headers: ['救助金额(元)', '临时救助金额(元)', '救助金(元)'], type: 'amount_fen', required: true, min: 1 },
    { key: 'aidedOn', headers: ['救助日期', '发放日期', '救助时间'], type: 'date', required: true },
    { key: 'reason', headers: ['救助事由', '救助原因', '致困原因'], type: 'text', required: false },
    { key: 'approvalLevel', headers: ['审批层级', '审批级别', '审批权限'], type: 'enum', required: false, values: ['街道', '区', '市'] },
    phoneField(),
    communityField(false),
  ],
};

/** 死亡火化: from the funeral administration, the earliest word that a person has died. */
export const DEATH_RECORD: SourceDefinition = {
  id: 'death-record',
  version: 1,
  department: DEPARTMENT,
  name: '死亡火化信息',
  description: '殡葬管理系统的死亡及火化信息，每日报送',
  cadenceDays: 1,
  produces: ['signals', 'registry'],
  recordKey: ['residentId'],
  fields: [
    residentIdField(['身份证号码', '死者身份证号码', '公民身份号码', '证件号码']),
    nameField(['姓名', '死者姓名']),
    { key: 'diedOn', headers: ['死亡日期', '死亡时间'], type: 'date', required: true, earliest: '1900-01-01' },
    { key: 'crematedOn', headers: ['火化日期', '火化时间'], type: 'date', required: false, earliest: '1900-01-01' },
    { key: 'funeralHome', headers: ['殡仪馆', '殡仪馆名称', '火化单位'], type: 'text', required: false },
  ],
  checks: [{ kind: 'date_order', earlier: 'diedOn', later: 'crematedOn' }],
};

/** 婚姻登记: one row per party; a marriage or divorce changes who lives in one family. */
export const MARRIAGE_RECORD: SourceDefinition = {
  id: 'marriage-record',
  version: 1,
  department: DEPARTMENT,
  name: '婚姻登记信息',
  description: '结婚、离婚登记信息，每位当事人一行，每周报送',
  cadenceDays: 7,
  produces: ['registry', 'verification'],
  recordKey: ['certificateNo', 'residentId'],
  fields: [
    { key: 'certificateNo', headers: ['证件字号', '婚姻登记证字号', '结婚(离婚)证字号'], type: 'text', required: true },
    { key: 'registrationType', headers: ['登记类型', '婚姻登记类型', '业务类型'], type: 'enum', required: true, values: ['结婚', '离婚', '补领结婚证', '补领离婚证', '撤销婚姻'] },
    residentIdField(['身份证号码', '当事人身份证号码', '证件号码']),
    nameField(['姓名', '当事人姓名']),
    { key: 'spouseResidentId', headers: ['配偶身份证号码', '对方身份证号码', '配偶证件号码'], type: 'resident_id', required: true },
    { key: 'spouseName', headers: ['配偶姓名', '对方姓名'], type: 'text', required: false },
    { key: 'registeredOn', headers: ['登记日期', '办理日期', '婚姻登记日期'], type: 'date', required: true, earliest: '1950-01-01' },
    { key: 'office', headers: ['登记机关', '婚姻登记机关'], type: 'text', required: false },
  ],
};

/** 儿童福利: orphans and de-facto unattended children (事实无人抚养儿童), with their basic living allowance. */
export const CHILD_WELFARE_ROSTER: SourceDefinition = {
  id: 'child-welfare-roster',
  version: 1,
  department: DEPARTMENT,
  name: '孤儿和事实无人抚养儿童名册',
  description: '孤儿、事实无人抚养儿童名册：类别、认定日期、基本生活费、监护人，按月全量报送',
  cadenceDays: 31,
  produces: ['registry'],
  recordKey: ['residentId'],
  fields: [
    residentIdField(['儿童身份证号码', '身份证号码', '公民身份号码', '证件号码']),
    nameField(['儿童姓名', '姓名']),
    { key: 'category', headers: ['儿童类别', '保障类别', '类别'], type: 'enum', required: true, values: ['孤儿', '事实无人抚养儿童'] },
    { key: 'recognisedOn', headers: ['认定日期', '纳入保障日期', '认定时间'], type: 'date', required: true },
    { key: 'monthlyAllowanceFen', headers: ['月基本生活费(元)', '基本生活费(元)', '月保障金额(元)'], type: 'amount_fen', required: true },
    { key: 'guardianName', headers: ['监护人姓名', '监护人'], type: 'text', required: false },
    { key: 'endedOn', headers: ['终止日期', '停发日期'], type: 'date', required: false, allowFuture: true },
    { key: 'status', headers: ['保障状态', '状态'], type: 'enum', required: true, values: ['在保', '终止'] },
    communityField(true),
  ],
  checks: [
    { kind: 'date_order', earlier: 'recognisedOn', later: 'endedOn' },
    { kind: 'required_when', field: 'endedOn', when: 'status', equals: '终止' },
  ],
};

export const CIVIL_AFFAIRS_SOURCES: readonly SourceDefinition[] = [
  DIBAO_ROSTER, MARGINAL_ROSTER, SPECIAL_HARDSHIP_ROSTER, CHILD_WELFARE_ROSTER, TEMPORARY_ASSISTANCE, DEATH_RECORD, MARRIAGE_RECORD,
];
