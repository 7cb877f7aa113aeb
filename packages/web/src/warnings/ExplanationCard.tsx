import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { Explanation } from '@shouwang/contract';
import { Card, Descriptions, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { shortId } from '../format/id';
import { formatFen } from '../format/money';
import { translateKey } from '../i18n/dynamic';
import { capitalise, conditionSentence, featureLabel, formatQuantity, parameterLabel, unitOfKey } from './explanation';

type Evidence = Explanation['evidence'][number];
type Parameter = Explanation['parameters'][number];

function evidenceColumns(t: TFunction) {
  return [
    { key: 'occurredOn', title: t('explanation.occurredOn'), dataIndex: 'occurredOn', width: 110 },
    {
      key: 'kind',
      title: t('explanation.kind'),
      dataIndex: 'kind',
      render: (kind: string) => translateKey(t, 'signal', kind),
    },
    {
      key: 'amount',
      title: t('explanation.amount'),
      dataIndex: 'amountFen',
      align: 'right' as const,
      render: (fen: number | null) => <span className="tabular">{formatFen(fen)}</span>,
    },
    {
      key: 'source',
      title: t('explanation.source'),
      dataIndex: 'sourceId',
      render: (id: string) => translateKey(t, 'source', id),
    },
    {
      key: 'batch',
      title: t('explanation.batch'),
      dataIndex: 'batchId',
      render: (id: string) => <code title={id}>{shortId(id)}</code>,
    },
    { key: 'row', title: t('explanation.rowNumber'), dataIndex: 'rowNumber', align: 'right' as const },
    { key: 'recordKey', title: t('explanation.recordKey'), dataIndex: 'recordKey', render: (key: string) => <code>{key}</code> },
  ];
}

function parameterColumns(t: TFunction) {
  return [
    { key: 'key', title: t('explanation.parameter'), render: (_: unknown, p: Parameter) => parameterLabel(t, p.key) },
    {
      key: 'value',
      title: t('explanation.value'),
      align: 'right' as const,
      render: (_: unknown, p: Parameter) => <span className="tabular">{formatQuantity(t, unitOfKey(p.key), p.value)}</span>,
    },
    { key: 'effectiveFrom', title: t('explanation.effectiveFrom'), dataIndex: 'effectiveFrom' },
  ];
}

/** 预警依据: which values crossed which thresholds, under which policy parameters, from which records. */
export function ExplanationCard({ explanation }: { explanation: Explanation }) {
  const { t } = useTranslation();
  const inputs = Object.entries(explanation.inputs);
  return (
    <Card title={t('explanation.title')} data-testid="warning-explanation" className="explanation">
      <Typography.Title level={5}>{t('explanation.conditions')}</Typography.Title>
      <ul className="explanation-conditions">
        {explanation.conditions.map((condition, index) => (
          <li
            key={`${condition.feature}-${index}`}
            data-testid="explanation-condition"
            data-passed={condition.passed}
            className={condition.passed ? 'explanation-passed' : 'explanation-failed'}
          >
            {condition.passed ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}
            <span>{conditionSentence(t, condition, explanation)}</span>
          </li>
        ))}
      </ul>

      {inputs.length > 0 && (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          title={<span className="explanation-subtitle">{t('explanation.inputs')}</span>}
          items={inputs.map(([key, value]) => ({
            key,
            label: capitalise(featureLabel(t, key)),
            children: <span className="tabular">{formatQuantity(t, unitOfKey(key), value)}</span>,
          }))}
        />
      )}

      <Typography.Title level={5} className="explanation-section">
        {t('explanation.parameters')}
      </Typography.Title>
      <Table<Parameter>
        size="small"
        rowKey="key"
        pagination={false}
        columns={parameterColumns(t)}
        dataSource={explanation.parameters}
      />

      <Typography.Title level={5} className="explanation-section">
        {t('explanation.evidence')}
      </Typography.Title>
      <Table<Evidence>
        size="small"
        rowKey="signalId"
        pagination={explanation.evidence.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 720 }}
        columns={evidenceColumns(t)}
        dataSource={explanation.evidence}
      />

      <Descriptions
        size="small"
        className="explanation-section"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'rule',
            label: t('explanation.rule'),
            children: t('explanation.ruleValue', { id: explanation.ruleId, version: explanation.ruleVersion }),
          },
          { key: 'evaluatedOn', label: t('explanation.evaluatedOn'), children: explanation.evaluatedOn },
        ]}
      />
    </Card>
  );
}
