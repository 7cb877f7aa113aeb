import type { SourceDefinition } from '../source.js';
import { communityField, nameField, phoneField, relationField, residentIdField } from './common.js';

/** 市公安局 (Public Security Bureau): household registration (户籍) and motor vehicles. */
const DEPARTMENT = '市公安局';

/** 户籍: who is registered in which household (户) at which address; one current row per person. */
export const HOUSEHOLD_REGISTRATION: SourceDefinition = {
  id: 'household-registration',
  /** 2: the head's contact phone (联系电话) added at the end. */
  version: 2,
  department: DEPARTMENT,
  name: '户籍人口信息',
  description: '常住户籍人口：户号、与户主关系、户籍地址、迁入日期，每周报送变动',
  cadenceDays: 7,
  produces: ['registry', 'verification'],
  recordKey: ['residentId'],
  fields: [
    { key: 'householdNo', headers: ['户号', '户籍户号', '户口簿户号'], type: 'text', required: true },
    residentIdField(['公民身份号码', '身份证号码', '身份证号', '证件号码']),
    nameField(['姓名']),
    relationField(true),
    { key: 'address', headers: ['户籍地址', '户籍地详址', '户口所在地详址'], type: 'text', required: true },
    communityField(true, ['社区代码', '居(村)委会代码', '社区编码']),
    { key: 'movedInOn', headers: ['迁入日期', '迁入时间', '入户日期'], type: 'date', required: false, earliest: '1900-01-01' },
    { key: 'registrationStatus', headers: ['户籍状态', '人口状态'], type: 'enum', required: false, values: ['正常', '迁出', '死亡注销', '其他注销'] },
    phoneField(['联系电话', '户主联系电话', '手机号码']),
  ],
};

/** 机动车: a car is an asset the verification weighs; the owner is `residentId`. */
export const VEHICLE_REGISTRATION: SourceDefinition = {
  id: 'vehicle-registration',
  version: 1,
  department: DEPARTMENT,
  name: '机动车登记信息',
  description: '个人名下机动车：号牌号码、车辆类型、初次登记日期、机动车状态',
  cadenceDays: 31,
  produces: ['verification'],
  recordKey: ['plateNo', 'residentId'],
  fields: [
    { key: 'plateNo', headers: ['号牌号码', '车牌号码', '车牌号'], type: 'text', required: true },
    { key: 'vehicleType', headers: ['车辆类型', '车辆类型名称', '车型'], type: 'text', required: true },
    { key: 'firstRegisteredOn', headers: ['初次登记日期', '初登日期', '注册登记日期'], type: 'date', required: true, earliest: '1950-01-01' },
    residentIdField(['所有人身份证号码', '机动车所有人身份证号码', '所有人身份证明号码', '身份证明号码']),
    { key: 'name', headers: ['机动车所有人', '所有人姓名', '所有人'], type: 'text', required: true },
    { key: 'vehicleStatus', headers: ['机动车状态', '车辆状态'], type: 'enum', required: false, values: ['正常', '转出', '注销', '报废', '查封', '抵押'] },
  ],
};

export const PUBLIC_SECURITY_SOURCES: readonly SourceDefinition[] = [HOUSEHOLD_REGISTRATION, VEHICLE_REGISTRATION];
