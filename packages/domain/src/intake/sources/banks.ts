import type { SourceDefinition } from '../source.js';
import { residentIdField } from './common.js';

/**
 * Banks (合作商业银行) answer verification requests with deposit balances. They are not one
 * of the fourteen departments, but their data is one of the verification sources.
 */
const DEPARTMENT = '合作商业银行';

/** 个人存款: the balance of one account on one date; a new balance is a new version of the account. */
export const BANK_DEPOSIT: SourceDefinition = {
  id: 'bank-deposit',
  version: 1,
  department: DEPARTMENT,
  name: '个人存款信息',
  description: '核对对象名下银行账户：开户行、账户尾号、余额及余额日期',
  cadenceDays: 31,
  produces: ['verification'],
  recordKey: ['residentId', 'bank', 'accountTail'],
  fields: [
    residentIdField(['身份证号码', '证件号码', '客户证件号码']),
    { key: 'name', headers: ['户名', '客户姓名', '姓名'], type: 'text', required: true },
    { key: 'bank', headers: ['开户行', '开户银行', '开户机构'], type: 'text', required: true },
    { key: 'accountTail', headers: ['账户尾号', '账号后四位', '卡号后四位'], type: 'text', required: true },
    { key: 'accountType', headers: ['账户类型', '存款类型', '储种'], type: 'enum', required: false, values: ['活期', '定期', '理财', '其他'] },
    { key: 'balanceFen', headers: ['余额(元)', '存款余额(元)', '账户余额合计(元)'], type: 'amount_fen', required: true },
    { key: 'balanceOn', headers: ['余额日期', '余额截止日期', '查询日期'], type: 'date', required: true },
  ],
};

export const BANK_SOURCES: readonly SourceDefinition[] = [BANK_DEPOSIT];
