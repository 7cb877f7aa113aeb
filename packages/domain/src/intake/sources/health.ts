import type { SourceDefinition } from '../source.js';
import { residentIdField } from './common.js';

/** 市卫生健康委员会 (Health Commission): reports of major diseases from hospitals. */
const DEPARTMENT = '市卫生健康委员会';

/**
 * 重大疾病报告: cancer, uraemia, severe mental disorder and other major diseases reported by
 * hospitals (肿瘤登记报告卡 and similar); a diagnosis comes months before the large bills.
 */
export const MAJOR_DISEASE_REPORT: SourceDefinition = {
  id: 'major-disease-report',
  version: 1,
  department: DEPARTMENT,
  name: '重大疾病报告信息',
  description: '医疗机构报告的重大疾病病例：疾病类别、疾病名称、确诊日期，每周报送',
  cadenceDays: 7,
  produces: ['signals'],
  recordKey: ['reportNo'],
  fields: [
    { key: 'reportNo', headers: ['报告卡编号', '报告卡号', '报告编号'], type: 'text', required: true },
    residentIdField(['患者身份证号码', '身份证号码', '证件号码']),
    { key: 'name', headers: ['患者姓名', '姓名'], type: 'text', required: true },
    { key: 'diseaseCategory', headers: ['疾病类别', '重大疾病类别'], type: 'enum', required: true, values: ['恶性肿瘤', '尿毒症', '严重精神障碍', '白血病', '罕见病', '其他重大疾病'] },
    { key: 'disease', headers: ['疾病名称', '报告疾病名称', '诊断疾病'], type: 'text', required: true },
    { key: 'diagnosedOn', headers: ['确诊日期', '诊断日期', '确诊时间'], type: 'date', required: true },
    { key: 'reportingInstitution', headers: ['报告单位', '报告医院', '报告机构'], type: 'text', required: false },
  ],
};

export const HEALTH_SOURCES: readonly SourceDefinition[] = [MAJOR_DISEASE_REPORT];
