import type { SourceDefinition } from '../source.js';
import { nameField, residentIdField } from './common.js';

/** 南京住房公积金管理中心 (Nanjing Housing Provident Fund Management Centre). */
const DEPARTMENT = '南京住房公积金管理中心';

/** 公积金缴存: monthly deposits show employment and income; the balance is an asset. */
export const PROVIDENT_FUND: SourceDefinition = {
  id: 'provident-fund',
  version: 1,
  department: DEPARTMENT,
  name: '住房公积金缴存信息',
  description: '个人住房公积金：缴存年月、月缴存额、账户余额，按月报送',
  cadenceDays: 31,
  produces: ['verification'],
  recordKey: ['residentId', 'depositMonth'],
  fields: [
    residentIdField(),
    nameField(['姓名', '职工姓名']),
    { key: 'accountNo', headers: ['个人账号', '公积金账号', '个人公积金账号'], type: 'text', required: false },
    { key: 'depositMonth', headers: ['缴存年月', '汇缴年月', '缴存月份'], type: 'year_month', required: true },
    { key: 'monthlyDepositFen', headers: ['月缴存额(元)', '月缴存金额(元)', '月汇缴额(元)'], type: 'amount_fen', required: true },
    { key: 'balanceFen', headers: ['账户余额(元)', '个人账户余额(元)', '公积金余额(元)'], type: 'amount_fen', required: true },
    { key: 'employer', headers: ['缴存单位', '缴存单位名称'], type: 'text', required: false },
    { key: 'accountStatus', headers: ['账户状态', '个人账户状态'], type: 'enum', required: false, values: ['正常', '封存', '销户'] },
  ],
};

export const PROVIDENT_FUND_SOURCES: readonly SourceDefinition[] = [PROVIDENT_FUND];
