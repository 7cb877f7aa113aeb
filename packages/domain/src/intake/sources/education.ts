import type { SourceDefinition } from '../source.js';
import { residentIdField } from './common.js';

/** 市教育局 (Education Bureau): students recognised as from families in economic difficulty. */
const DEPARTMENT = '市教育局';

/** 家庭经济困难学生: recognised once per school year, delivered each term. */
export const STUDENT_IN_DIFFICULTY: SourceDefinition = {
  id: 'student-in-difficulty',
  version: 1,
  department: DEPARTMENT,
  name: '家庭经济困难学生信息',
  description: '认定的家庭经济困难学生：学籍号、学校、学段、困难等级，每学期报送',
  cadenceDays: 183,
  produces: ['registry'],
  recordKey: ['studentNo', 'schoolYear'],
  fields: [
    { key: 'studentNo', headers: ['学籍号', '全国学籍号', '学生学籍号'], type: 'text', required: true },
    residentIdField(['身份证号码', '学生身份证号码', '证件号码']),
    { key: 'name', headers: ['学生姓名', '姓名'], type: 'text', required: true },
    { key: 'school', headers: ['学校名称', '就读学校'], type: 'text', required: true },
    { key: 'stage', headers: ['学段', '教育阶段', '就读学段'], type: 'enum', required: true, values: ['学前', '小学', '初中', '普通高中', '中职', '高职', '本科', '研究生'] },
    { key: 'schoolYear', headers: ['认定学年', '学年'], type: 'text', required: true },
    { key: 'difficultyLevel', headers: ['困难等级', '认定等级', '困难程度'], type: 'enum', required: true, values: ['特别困难', '困难', '一般困难'] },
    { key: 'aidFen', headers: ['资助金额(元)', '受助金额(元)'], type: 'amount_fen', required: false },
    { key: 'guardianResidentId', headers: ['监护人身份证号码', '家长身份证号码'], type: 'resident_id', required: false },
  ],
};

export const EDUCATION_SOURCES: readonly SourceDefinition[] = [STUDENT_IN_DIFFICULTY];
