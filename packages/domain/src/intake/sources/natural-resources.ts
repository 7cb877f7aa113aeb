import type { SourceDefinition } from '../source.js';
import { residentIdField } from './common.js';

/** 市规划和自然资源局 (Planning and Natural Resources Bureau), which keeps the real-estate register (不动产登记). */
const DEPARTMENT = '市规划和自然资源局';

/** 不动产: one row per property unit and right holder; co-owned homes have one row per owner. */
export const REAL_ESTATE: SourceDefinition = {
  id: 'real-estate',
  version: 1,
  department: DEPARTMENT,
  name: '不动产登记信息',
  description: '个人名下不动产：不动产单元号、建筑面积、登记日期、房屋用途',
  cadenceDays: 31,
  produces: ['verification'],
  recordKey: ['unitNo', 'residentId'],
  fields: [
    { key: 'unitNo', headers: ['不动产单元号', '不动产单元代码', '单元号'], type: 'text', required: true },
    residentIdField(['权利人身份证号码', '权利人证件号码', '权利人证件号']),
    { key: 'name', headers: ['权利人', '权利人名称', '权利人姓名'], type: 'text', required: true },
    { key: 'floorAreaSqm', headers: ['建筑面积(㎡)', '建筑面积(平方米)', '建筑面积', '房屋建筑面积'], type: 'decimal', scale: 2, required: true, min: 0, max: 100_000 },
    { key: 'registeredOn', headers: ['登记日期', '登簿日期', '登记时间'], type: 'date', required: true, earliest: '1949-10-01' },
    { key: 'use', headers: ['房屋用途', '规划用途', '用途'], type: 'text', required: true },
    { key: 'location', headers: ['坐落', '房屋坐落', '不动产坐落'], type: 'text', required: false },
    { key: 'coOwnership', headers: ['共有情况', '共有方式'], type: 'enum', required: false, values: ['单独所有', '共同共有', '按份共有'] },
    { key: 'sharePercent', headers: ['权利比例(%)', '共有份额(%)', '持有份额'], type: 'percent', required: false },
  ],
};

export const NATURAL_RESOURCES_SOURCES: readonly SourceDefinition[] = [REAL_ESTATE];
