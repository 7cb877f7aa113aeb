import type { SourceDefinition } from '../source.js';
import { nameField, residentIdField } from './common.js';

/** 市市场监督管理局 (Market Regulation Administration): businesses and the people behind them. */
const DEPARTMENT = '市市场监督管理局';

/** 市场主体: one row per business and person in a role (legal representative, shareholder, operator). */
export const BUSINESS_REGISTRATION: SourceDefinition = {
  id: 'business-registration',
  version: 1,
  department: DEPARTMENT,
  name: '市场主体登记信息',
  description: '个人担任法定代表人、股东或个体经营者的市场主体：信用代码、出资比例、成立日期',
  cadenceDays: 31,
  produces: ['verification'],
  recordKey: ['creditCode', 'residentId', 'role'],
  fields: [
    { key: 'creditCode', headers: ['统一社会信用代码', '社会信用代码', '信用代码'], type: 'text', required: true },
    { key: 'businessName', headers: ['企业名称', '市场主体名称', '字号名称'], type: 'text', required: true },
    residentIdField(['身份证号码', '证件号码', '证照号码']),
    nameField(['姓名', '人员姓名']),
    { key: 'role', headers: ['角色', '人员类型', '任职类型'], type: 'enum', required: true, values: ['法定代表人', '股东', '经营者'] },
    { key: 'sharePercent', headers: ['出资比例(%)', '出资比例', '持股比例(%)', '持股比例'], type: 'percent', required: false },
    { key: 'establishedOn', headers: ['成立日期', '成立时间', '注册日期'], type: 'date', required: true, earliest: '1949-10-01' },
    { key: 'businessStatus', headers: ['登记状态', '经营状态'], type: 'enum', required: false, values: ['存续', '在业', '吊销', '注销', '迁出'] },
  ],
};

export const MARKET_REGULATION_SOURCES: readonly SourceDefinition[] = [BUSINESS_REGISTRATION];
