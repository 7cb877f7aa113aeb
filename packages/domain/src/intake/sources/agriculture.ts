import type { SourceDefinition } from '../source.js';
import { nameField, relationField, residentIdField } from './common.js';

/** 市农业农村局 (Agriculture and Rural Affairs Bureau, which took over rural revitalisation, 乡村振兴). */
const DEPARTMENT = '市农业农村局';

/** 防返贫监测对象: rural households watched so they do not fall (back) into poverty; one row per member. */
export const RETURN_TO_POVERTY_MONITORING: SourceDefinition = {
  id: 'return-to-poverty-monitoring',
  version: 1,
  department: DEPARTMENT,
  name: '防止返贫监测对象信息',
  description: '防止返贫监测对象及家庭成员：监测对象类别、风险类型、识别日期与风险消除情况',
  cadenceDays: 31,
  produces: ['registry'],
  recordKey: ['householdNo', 'residentId'],
  fields: [
    { key: 'householdNo', headers: ['户编码', '监测户编码', '农户编码'], type: 'text', required: true },
    residentIdField(),
    nameField(),
    relationField(false),
    { key: 'monitoringType', headers: ['监测对象类别', '监测类型', '监测对象类型'], type: 'enum', required: true, values: ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] },
    { key: 'riskType', headers: ['主要风险类型', '返贫致贫风险', '风险类型'], type: 'text', required: false },
    { key: 'identifiedOn', headers: ['识别日期', '纳入监测日期', '识别监测时间'], type: 'date', required: true, earliest: '2020-01-01' },
    { key: 'riskEliminated', headers: ['风险是否消除', '是否消除风险'], type: 'boolean', required: false },
    { key: 'eliminatedOn', headers: ['风险消除日期', '消除风险时间'], type: 'date', required: false, earliest: '2020-01-01' },
    { key: 'communityCode', headers: ['行政村代码', '村代码', '村(社区)代码'], type: 'community_code', required: true },
  ],
  checks: [
    { kind: 'date_order', earlier: 'identifiedOn', later: 'eliminatedOn' },
    { kind: 'required_when', field: 'eliminatedOn', when: 'riskEliminated', equals: true },
  ],
};

export const AGRICULTURE_SOURCES: readonly SourceDefinition[] = [RETURN_TO_POVERTY_MONITORING];
