import type { SourceDefinition } from '../source.js';
import { communityField, nameField, phoneField, residentIdField } from './common.js';

/** 市总工会 (Federation of Trade Unions): files of workers in difficulty (困难职工档案). */
const DEPARTMENT = '市总工会';

/** 困难职工: categories of the All-China Federation of Trade Unions (深度困难, 相对困难, 意外致困). */
export const WORKER_IN_DIFFICULTY: SourceDefinition = {
  id: 'worker-in-difficulty',
  version: 1,
  department: DEPARTMENT,
  name: '困难职工档案信息',
  description: '建档困难职工：档案编号、困难类别、致困原因、建档日期，按月报送',
  cadenceDays: 31,
  produces: ['registry'],
  recordKey: ['archiveNo'],
  fields: [
    { key: 'archiveNo', headers: ['档案编号', '困难职工档案号', '建档编号'], type: 'text', required: true },
    residentIdField(),
    nameField(['姓名', '职工姓名']),
    { key: 'employer', headers: ['工作单位', '所在单位'], type: 'text', required: false },
    { key: 'category', headers: ['困难类别', '困难职工类别'], type: 'enum', required: true, values: ['深度困难', '相对困难', '意外致困'] },
    { key: 'cause', headers: ['致困原因', '主要致困原因', '困难原因'], type: 'text', required: false },
    { key: 'filedOn', headers: ['建档日期', '建档时间'], type: 'date', required: true },
    { key: 'closed', headers: ['是否解困', '已解困'], type: 'boolean', required: false },
    phoneField(),
    communityField(false),
  ],
};

export const TRADE_UNION_SOURCES: readonly SourceDefinition[] = [WORKER_IN_DIFFICULTY];
