/**
 * A department feed as the system knows it: its columns (with the header names the
 * department really uses), their types, and the record key that makes a row unique.
 * Sources are configuration; the intake pipeline is the same for all of them.
 */

export type FieldType = 'resident_id' | 'date' | 'amount_fen' | 'text' | 'enum';

export interface SourceField {
  /** Internal field name, e.g. `outOfPocketFen`. */
  readonly key: string;
  /** The header the department sends, first the canonical one, then variants seen in real files. */
  readonly headers: readonly string[];
  readonly type: FieldType;
  readonly required: boolean;
  /** For `enum`: the accepted values. */
  readonly values?: readonly string[];
}

export interface SourceDefinition {
  readonly id: string;
  /** Department, in Chinese as on its letterhead. */
  readonly department: string;
  readonly name: string;
  readonly fields: readonly SourceField[];
  /** Field keys whose values together identify a record across deliveries. */
  readonly recordKey: readonly string[];
}

/** Medical Security Bureau (医疗保障局): settlements of medical expenses (医疗费用结算). */
export const MEDICAL_SETTLEMENT: SourceDefinition = {
  id: 'medical-settlement',
  department: '市医疗保障局',
  name: '医疗费用结算明细',
  recordKey: ['settlementNo'],
  fields: [
    { key: 'settlementNo', headers: ['结算流水号', '结算单号', '结算编号'], type: 'text', required: true },
    { key: 'residentId', headers: ['身份证号码', '公民身份号码', '身份证号', '证件号码'], type: 'resident_id', required: true },
    { key: 'name', headers: ['姓名', '参保人姓名'], type: 'text', required: true },
    { key: 'settledOn', headers: ['结算日期', '结算时间'], type: 'date', required: true },
    { key: 'institution', headers: ['医疗机构名称', '定点医药机构名称', '就诊医院'], type: 'text', required: false },
    { key: 'visitType', headers: ['就医类别', '医疗类别'], type: 'enum', required: false, values: ['门诊', '住院', '门诊慢特病', '药店购药'] },
    { key: 'totalFen', headers: ['医疗总费用(元)', '医疗费总额', '总费用'], type: 'amount_fen', required: true },
    { key: 'reimbursedFen', headers: ['统筹基金支付(元)', '基金支付', '统筹支付'], type: 'amount_fen', required: true },
    { key: 'outOfPocketFen', headers: ['个人自付(元)', '个人负担', '个人现金支付'], type: 'amount_fen', required: true },
  ],
};

export const SOURCES: readonly SourceDefinition[] = [MEDICAL_SETTLEMENT];

export function sourceById(id: string): SourceDefinition | undefined {
  return SOURCES.find((s) => s.id === id);
}

/** The canonical header of each field, in declaration order: what a generator writes. */
export function canonicalHeaders(source: SourceDefinition): string[] {
  return source.fields.map((f) => f.headers[0] as string);
}
