import type { SourceDefinition } from '../source.js';
import { residentIdField } from './common.js';

/** 国家税务总局南京市税务局 (Nanjing Municipal Tax Service of the State Taxation Administration). */
const DEPARTMENT = '国家税务总局南京市税务局';

/** 个人所得税: declared income per period, income item and withholding agent. */
export const INCOME_TAX: SourceDefinition = {
  id: 'income-tax',
  version: 1,
  department: DEPARTMENT,
  name: '个人所得税申报信息',
  description: '个人所得税扣缴申报：所属期、所得项目、收入额、已缴税额，按月报送',
  cadenceDays: 31,
  produces: ['verification'],
  recordKey: ['residentId', 'period', 'incomeItem', 'withholdingAgent'],
  fields: [
    residentIdField(['身份证号码', '证件号码', '纳税人识别号']),
    { key: 'name', headers: ['纳税人姓名', '姓名'], type: 'text', required: true },
    { key: 'period', headers: ['所属期', '税款所属期', '所得期间'], type: 'year_month', required: true },
    {
      key: 'incomeItem', headers: ['所得项目', '所得项目名称'], type: 'enum', required: true,
      values: ['工资薪金所得', '劳务报酬所得', '稿酬所得', '特许权使用费所得', '经营所得', '利息股息红利所得', '财产租赁所得', '财产转让所得', '偶然所得'],
    },
    { key: 'incomeFen', headers: ['收入额(元)', '本期收入(元)', '收入(元)'], type: 'amount_fen', required: true },
    { key: 'taxPaidFen', headers: ['已缴税额(元)', '实缴税额(元)', '已缴纳税额(元)'], type: 'amount_fen', required: true },
    { key: 'withholdingAgent', headers: ['扣缴义务人', '扣缴义务人名称', '扣缴单位'], type: 'text', required: true },
  ],
  checks: [{ kind: 'amount_within', part: 'taxPaidFen', total: 'incomeFen' }],
};

export const TAX_SOURCES: readonly SourceDefinition[] = [INCOME_TAX];
