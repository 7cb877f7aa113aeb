import type { SourceDefinition } from '../source.js';
import { communityField, nameField, residentIdField } from './common.js';

/** 市残疾人联合会 (Disabled Persons' Federation): disability certificates (残疾人证). */
const DEPARTMENT = '市残疾人联合会';

/**
 * One certificate per person: a re-assessment of category or level is a new version of the
 * same record, not a second disability.
 */
export const DISABILITY_CERTIFICATE: SourceDefinition = {
  id: 'disability-certificate',
  version: 1,
  department: DEPARTMENT,
  name: '残疾人证信息',
  description: '持证残疾人信息：残疾人证号、残疾类别与等级、发证日期，按月报送',
  cadenceDays: 31,
  produces: ['signals', 'registry'],
  recordKey: ['residentId'],
  fields: [
    { key: 'certificateNo', headers: ['残疾人证号', '残疾证号', '残疾人证号码'], type: 'text', required: true },
    residentIdField(),
    nameField(),
    { key: 'category', headers: ['残疾类别', '残疾类型', '残疾种类'], type: 'enum', required: true, values: ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'] },
    { key: 'level', headers: ['残疾等级', '残疾级别'], type: 'enum', required: true, values: ['一级', '二级', '三级', '四级'] },
    { key: 'issuedOn', headers: ['发证日期', '办证日期', '发证时间'], type: 'date', required: true },
    { key: 'validUntil', headers: ['有效期至', '证件有效期'], type: 'date', required: false, allowFuture: true },
    communityField(false),
  ],
  checks: [{ kind: 'date_order', earlier: 'issuedOn', later: 'validUntil' }],
};

export const DISABLED_PERSONS_FEDERATION_SOURCES: readonly SourceDefinition[] = [DISABILITY_CERTIFICATE];
