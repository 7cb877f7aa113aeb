import type { SourceDefinition } from '../source.js';
import { nameField, residentIdField } from './common.js';

/** 市医疗保障局 (Medical Security Bureau): settlements, hospital stays, certified chronic and serious illness. */
const DEPARTMENT = '市医疗保障局';

/** 医疗费用结算: settlements of medical expenses; the out-of-pocket part drives the illness warning. */
export const MEDICAL_SETTLEMENT: SourceDefinition = {
  id: 'medical-settlement',
  version: 1,
  department: DEPARTMENT,
  name: '医疗费用结算明细',
  description: '医保结算明细：医疗总费用、统筹支付与个人自付，每日报送',
  cadenceDays: 1,
  produces: ['signals'],
  recordKey: ['settlementNo'],
  fields: [
    { key: 'settlementNo', headers: ['结算流水号', '结算单号', '结算编号'], type: 'text', required: true },
    { key: 'residentId', headers: ['身份证号码', '公民身份号码', '身份证号', '证件号码'], type: 'resident_id', required: true },
    { key: 'name', headers: ['姓名', '参保人姓名'], type: 'text', required: true },
    { key: 'settledOn', headers: ['结算日期', '结算时间'], type: 'date', required: true },
    { key: 'institution', headers: ['医疗机构名称', '定点医药机构名称', '就诊医院'], type: 'text', required: false },
    { key: 'visitType', headers: ['就医类别', '医疗类别'], type: 'enum', required: false, values: ['门诊', '住院', '门诊慢特病', '药店购药'] },
    { key: 'totalFen', headers: ['医疗总费用(元)', '医疗费总额', '总费用'], type: 'amount_fen', required: true },
    { key: 'reimbursedFen', headers: ['统筹基金支付(元)', '基金支付', '统筹支付'], type: 'amount_fen', required: true },
    { key: 'outOfPocketFen', headers: ['个人自付(元)', '个人负担', '个人现金支付'], type: 'amount_fen', required: true },
  ],
  checks: [
    { kind: 'amount_within', part: 'outOfPocketFen', total: 'totalFen' },
    { kind: 'amount_within', part: 'reimbursedFen', total: 'totalFen' },
  ],
};

/** 住院登记: an admission is known before its bill is settled. */
export const HOSPITALISATION: SourceDefinition = {
  id: 'hospitalisation',
  version: 1,
  department: DEPARTMENT,
  name: '住院登记信息',
  description: '参保人员住院登记：入院、出院日期，医院及诊断，每日报送',
  cadenceDays: 1,
  produces: ['signals'],
  recordKey: ['hospital', 'admissionNo'],
  fields: [
    { key: 'admissionNo', headers: ['住院号', '住院登记号', '住院流水号'], type: 'text', required: true },
    residentIdField(),
    nameField(['姓名', '患者姓名', '参保人姓名']),
    { key: 'admittedOn', headers: ['入院日期', '入院时间'], type: 'date', required: true },
    { key: 'dischargedOn', headers: ['出院日期', '出院时间'], type: 'date', required: false },
    { key: 'hospital', headers: ['医院名称', '住院医院', '定点医疗机构名称'], type: 'text', required: true },
    { key: 'diagnosis', headers: ['诊断名称', '入院诊断', '出院诊断'], type: 'text', required: false },
  ],
  checks: [{ kind: 'date_order', earlier: 'admittedOn', later: 'dischargedOn' }],
};

/** 慢特病/大病认定: outpatient chronic or special illness, or serious illness, certified for reimbursement. */
export const CHRONIC_ILLNESS_CERTIFICATION: SourceDefinition = {
  id: 'chronic-illness-certification',
  version: 1,
  department: DEPARTMENT,
  name: '门诊慢特病及大病认定信息',
  description: '门诊慢特病、大病待遇认定：病种、认定日期、有效期，按月报送',
  cadenceDays: 31,
  produces: ['signals', 'registry'],
  recordKey: ['residentId', 'disease', 'certifiedOn'],
  fields: [
    residentIdField(),
    nameField(['姓名', '参保人姓名']),
    { key: 'disease', headers: ['病种', '病种名称', '认定病种'], type: 'text', required: true },
    { key: 'category', headers: ['认定类别', '病种类别', '待遇类别'], type: 'enum', required: false, values: ['门诊慢性病', '门诊特殊病', '大病'] },
    { key: 'certifiedOn', headers: ['认定日期', '认定时间', '审核通过日期'], type: 'date', required: true },
    { key: 'validUntil', headers: ['有效期至', '有效截止日期', '待遇终止日期'], type: 'date', required: false, allowFuture: true },
  ],
  checks: [{ kind: 'date_order', earlier: 'certifiedOn', later: 'validUntil' }],
};

export const MEDICAL_SECURITY_SOURCES: readonly SourceDefinition[] = [MEDICAL_SETTLEMENT, HOSPITALISATION, CHRONIC_ILLNESS_CERTIFICATION];
