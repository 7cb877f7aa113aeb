import type { SourceField } from '../source.js';

/**
 * Columns most departments share. The person a record is about is always `residentId`, so
 * intake can link any record to the registry the same way.
 */

export const RESIDENT_ID_HEADERS = ['身份证号码', '公民身份号码', '身份证号', '证件号码'] as const;

export function residentIdField(headers: readonly string[] = RESIDENT_ID_HEADERS): SourceField {
  return { key: 'residentId', headers, type: 'resident_id', required: true };
}

export function nameField(headers: readonly string[] = ['姓名', '人员姓名']): SourceField {
  return { key: 'name', headers, type: 'text', required: true };
}

export function communityField(required: boolean, headers: readonly string[] = ['社区代码', '社区编码', '所属社区代码', '村(居)委会代码']): SourceField {
  return { key: 'communityCode', headers, type: 'community_code', required };
}

export function phoneField(headers: readonly string[] = ['联系电话', '手机号码', '联系方式']): SourceField {
  return { key: 'phone', headers, type: 'phone', required: false };
}

/** 与户主关系 as household registers write it (GB/T 4761 names, with the short forms seen in rosters). */
export const RELATIONS_TO_HEAD = [
  '户主', '本人', '配偶', '子', '女', '儿子', '女儿', '父亲', '母亲', '公婆', '岳父母', '祖父母', '外祖父母',
  '孙子', '孙女', '外孙子', '外孙女', '兄弟姐妹', '儿媳', '女婿', '侄子女', '其他',
] as const;

export function relationField(required: boolean, headers: readonly string[] = ['与户主关系', '与户主关系名称', '家庭关系']): SourceField {
  return { key: 'relationToHead', headers, type: 'enum', required, values: RELATIONS_TO_HEAD };
}

/** 灾害类型 of the emergency-management feeds. */
export const DISASTER_TYPES = ['暴雨', '洪涝', '台风', '火灾', '冰雪', '其他'] as const;
