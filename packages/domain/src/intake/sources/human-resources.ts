import type { SourceDefinition } from '../source.js';
import { communityField, nameField, residentIdField } from './common.js';

/** 市人力资源和社会保障局 (Human Resources and Social Security Bureau): jobs, unemployment, social insurance, pensions. */
const DEPARTMENT = '市人力资源和社会保障局';

/** 失业登记: a person registers as unemployed at the public employment service. */
export const UNEMPLOYMENT_REGISTRATION: SourceDefinition = {
  id: 'unemployment-registration',
  version: 1,
  department: DEPARTMENT,
  name: '失业登记信息',
  description: '城镇登记失业人员信息：失业登记日期、原工作单位、注销情况',
  cadenceDays: 7,
  produces: ['signals', 'registry'],
  recordKey: ['residentId', 'registeredOn'],
  fields: [
    residentIdField(),
    nameField(),
    { key: 'registeredOn', headers: ['失业登记日期', '登记失业日期', '失业登记时间'], type: 'date', required: true },
    { key: 'cardNo', headers: ['就业创业证号', '就业失业登记证号'], type: 'text', required: false },
    { key: 'formerEmployer', headers: ['原工作单位', '原单位名称', '失业前单位'], type: 'text', required: false },
    { key: 'reason', headers: ['失业原因', '失业类别'], type: 'text', required: false },
    { key: 'deregisteredOn', headers: ['注销日期', '失业登记注销日期'], type: 'date', required: false },
    communityField(false),
  ],
  checks: [{ kind: 'date_order', earlier: 'registeredOn', later: 'deregisteredOn' }],
};

/** 失业保险金: the benefit period is known when it starts, so the end date may lie ahead. */
export const UNEMPLOYMENT_INSURANCE: SourceDefinition = {
  id: 'unemployment-insurance',
  version: 1,
  department: DEPARTMENT,
  name: '失业保险金领取信息',
  description: '失业保险金领取人员：领取起止日期、月发放额、终止原因，按月报送',
  cadenceDays: 31,
  produces: ['signals', 'registry', 'verification'],
  recordKey: ['residentId', 'startedOn'],
  fields: [
    residentIdField(),
    nameField(),
    { key: 'startedOn', headers: ['领取开始日期', '开始领取日期', '享受起始日期'], type: 'date', required: true },
    { key: 'endedOn', headers: ['领取终止日期', '终止领取日期', '享受终止日期'], type: 'date', required: false, allowFuture: true },
    { key: 'monthlyBenefitFen', headers: ['月发放额(元)', '月发放金额(元)', '失业保险金月标准(元)'], type: 'amount_fen', required: true, min: 1 },
    { key: 'months', headers: ['领取月数', '应领月数', '享受月数'], type: 'integer', required: false, min: 1, max: 24 },
    { key: 'endReason', headers: ['终止原因', '停发原因'], type: 'text', required: false },
  ],
  checks: [{ kind: 'date_order', earlier: 'startedOn', later: 'endedOn' }],
};

/** 社保缴费: one row per person, month and paying unit; flexible workers show 灵活就业 as the unit. */
export const SOCIAL_INSURANCE_CONTRIBUTION: SourceDefinition = {
  id: 'social-insurance-contribution',
  version: 1,
  department: DEPARTMENT,
  name: '社会保险缴费信息',
  description: '职工基本养老保险缴费明细：缴费年月、缴费基数、缴费单位，按月报送',
  cadenceDays: 31,
  produces: ['verification'],
  recordKey: ['residentId', 'contributionMonth', 'employer'],
  fields: [
    residentIdField(),
    nameField(),
    { key: 'contributionMonth', headers: ['缴费年月', '费款所属期', '缴费月份'], type: 'year_month', required: true },
    { key: 'baseFen', headers: ['缴费基数(元)', '月缴费基数(元)', '缴费工资(元)'], type: 'amount_fen', required: true },
    { key: 'employer', headers: ['单位名称', '参保单位名称', '缴费单位'], type: 'text', required: true },
    { key: 'personalFen', headers: ['个人缴费金额(元)', '个人缴纳(元)'], type: 'amount_fen', required: false },
  ],
};

/** 养老金: pension paid in a month; a household's steady income in verification. */
export const PENSION: SourceDefinition = {
  id: 'pension',
  version: 1,
  department: DEPARTMENT,
  name: '养老金发放信息',
  description: '基本养老金发放明细：待遇类型、发放年月、月养老金，按月报送',
  cadenceDays: 31,
  produces: ['verification'],
  recordKey: ['residentId', 'pensionType', 'paidMonth'],
  fields: [
    residentIdField(),
    nameField(),
    { key: 'pensionType', headers: ['待遇类型', '养老保险类型', '养老金类别'], type: 'enum', required: true, values: ['企业职工基本养老金', '机关事业单位养老金', '城乡居民基础养老金'] },
    { key: 'paidMonth', headers: ['发放年月', '待遇年月', '发放月份'], type: 'year_month', required: true },
    { key: 'monthlyPensionFen', headers: ['月养老金(元)', '月待遇金额(元)', '基本养老金(元)'], type: 'amount_fen', required: true },
  ],
};

export const HUMAN_RESOURCES_SOURCES: readonly SourceDefinition[] = [
  UNEMPLOYMENT_REGISTRATION, UNEMPLOYMENT_INSURANCE, SOCIAL_INSURANCE_CONTRIBUTION, PENSION,
];
