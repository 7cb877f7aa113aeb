import type { SourceDefinition } from '../source.js';
import { DISASTER_TYPES, communityField, nameField, phoneField, residentIdField } from './common.js';

/** 市应急管理局 (Emergency Management Bureau): households hit by disasters and their transition support. */
const DEPARTMENT = '市应急管理局';

/** 受灾户: one row per affected household and disaster, keyed on the head of household. */
export const DISASTER_AFFECTED: SourceDefinition = {
  id: 'disaster-affected',
  version: 1,
  department: DEPARTMENT,
  name: '受灾户信息',
  description: '自然灾害及火灾受灾户：灾害类型、房屋损毁程度、直接经济损失',
  cadenceDays: 31,
  produces: ['signals', 'registry'],
  recordKey: ['residentId', 'affectedOn', 'disasterType'],
  fields: [
    residentIdField(['户主身份证号码', '身份证号码', '公民身份号码', '证件号码']),
    nameField(['户主姓名', '姓名']),
    { key: 'affectedOn', headers: ['受灾日期', '灾害发生日期', '受灾时间'], type: 'date', required: true },
    { key: 'disasterType', headers: ['灾害类型', '灾种', '灾害种类'], type: 'enum', required: true, values: DISASTER_TYPES },
    { key: 'houseDamage', headers: ['房屋损毁程度', '房屋受损程度', '房屋倒损情况'], type: 'enum', required: false, values: ['倒塌', '严重损坏', '一般损坏', '未损坏'] },
    { key: 'lossFen', headers: ['直接经济损失(元)', '经济损失(元)', '损失金额(元)'], type: 'amount_fen', required: true },
    { key: 'affectedPersons', headers: ['受灾人口', '受灾人数'], type: 'integer', required: false, min: 1, max: 20 },
    phoneField(),
    communityField(true),
  ],
};

/** 过渡期生活救助: daily living support while a household cannot live in its damaged home. */
export const TRANSITION_SUPPORT: SourceDefinition = {
  id: 'transition-support',
  version: 1,
  department: DEPARTMENT,
  name: '过渡期生活救助信息',
  description: '因灾倒损住房户的过渡期生活救助：救助人数、起止日期、救助金额',
  cadenceDays: 31,
  produces: ['registry'],
  recordKey: ['residentId', 'startedOn'],
  fields: [
    residentIdField(['户主身份证号码', '身份证号码', '公民身份号码', '证件号码']),
    nameField(['户主姓名', '姓名']),
    { key: 'disasterType', headers: ['灾害类型', '灾种', '灾害种类'], type: 'enum', required: true, values: DISASTER_TYPES },
    { key: 'persons', headers: ['救助人数', '救助人口'], type: 'integer', required: true, min: 1, max: 20 },
    { key: 'startedOn', headers: ['过渡期开始日期', '救助开始日期', '过渡期起始日期'], type: 'date', required: true },
    { key: 'endedOn', headers: ['过渡期结束日期', '救助结束日期', '过渡期截止日期'], type: 'date', required: false, allowFuture: true },
    { key: 'amountFen', headers: ['过渡期生活救助金(元)', '救助金额(元)', '发放金额(元)'], type: 'amount_fen', required: true },
    communityField(true),
  ],
  checks: [{ kind: 'date_order', earlier: 'startedOn', later: 'endedOn' }],
};

export const EMERGENCY_MANAGEMENT_SOURCES: readonly SourceDefinition[] = [DISASTER_AFFECTED, TRANSITION_SUPPORT];
