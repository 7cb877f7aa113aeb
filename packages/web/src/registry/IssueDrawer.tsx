import type { DataQualityIssue, ResolveIssueBody } from '@shouwang/contract';
import { App, Button, Descriptions, Drawer, Grid, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTimestamp } from '../format/datetime';
import { translateKey } from '../i18n/dynamic';
import { householdPath } from '../search/query';
import { evidenceItems, humanizeField } from './evidence';
import { useRegistryNames } from './names';
import { NoteModal } from './NoteModal';
import { resolveIssue } from './registry.api';
import { SourceRowLink } from './SourceRowLink';
import { IssueKindTag, IssueStatusTag } from './tags';

type Action = ResolveIssueBody['action'];

/** Evidence values that name something: a programme, a feed. */
function useEvidenceVocabulary() {
  const { t } = useTranslation();
  const names = useRegistryNames();
  return {
    separator: names.zh ? '、' : ', ',
    value: (field: string, value: string) => {
      if (field === 'programme' || field === 'programmes') return translateKey(t, 'programme', value);
      if (field === 'source') return names.source(value);
      return value;
    },
  };
}

interface IssueDrawerProps {
  issue: DataQualityIssue | undefined;
  onClose: () => void;
  /** The issue as the server answered the decision. */
  onDecided: (issue: DataQualityIssue) => void;
}

/** One issue: what conflicts with what, and the decision on it, each with a note. */
export function IssueDrawer({ issue, onClose, onDecided }: IssueDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useRegistryNames();
  const vocabulary = useEvidenceVocabulary();
  const narrow = !Grid.useBreakpoint().md;
  const [action, setAction] = useState<Action | null>(null);

  const actions: { action: Action; primary?: boolean; hint?: string }[] = issue
    ? [
        { action: 'resolve', primary: true },
        ...(issue.kind === 'roster_without_household' ? [{ action: 'reapply' as const, hint: t('issues.reapplyHint') }] : []),
        { action: 'dismiss' },
      ]
    : [];
  const chosen = actions.find((a) => a.action === action);

  async function decide(note: string): Promise<void> {
    if (!issue || !action) return;
    const decided = await resolveIssue(issue.id, { action, note });
    setAction(null);
    void message.success(t('issues.done', { name: issue.name }));
    onDecided(decided);
  }

  return (
    <Drawer
      open={issue !== undefined}
      onClose={onClose}
      title={t('issues.details')}
      size={narrow ? '100%' : 560}
      destroyOnHidden
      data-testid="issue-drawer"
      footer={
        issue?.status === 'open' && (
          <Space wrap>
            {actions.map((a) => (
              <Button key={a.action} type={a.primary ? 'primary' : 'default'} onClick={() => setAction(a.action)} data-testid={`issue-${a.action}`}>
                {t(`issues.${a.action}`)}
              </Button>
            ))}
          </Space>
        )
      }
    >
      {issue && (
        <Space orientation="vertical" size={20} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'kind', label: t('issues.kind'), children: <Space size={4} wrap><IssueKindTag kind={issue.kind} /><IssueStatusTag status={issue.status} /></Space> },
              { key: 'reason', label: t('issues.reason'), children: names.zh ? issue.reasonZh || issue.reason : issue.reason || issue.reasonZh },
              { key: 'name', label: t('issues.name'), children: issue.name },
              { key: 'residentId', label: t('issues.residentId'), children: <span className="tabular">{issue.residentId || '—'}</span> },
              { key: 'community', label: t('issues.community'), children: issue.communityName || t('issues.noCommunity') },
              {
                key: 'household',
                label: t('issues.household'),
                children: issue.householdId ? (
                  <Link to={householdPath(issue.householdId, 'data_quality')} data-testid="issue-household-link">{t('issues.openHousehold')}</Link>
                ) : (
                  t('issues.noHousehold')
                ),
              },
              { key: 'source', label: t('issues.source'), children: <SourceRowLink sourceId={issue.sourceId} batchId={issue.batchId} rowNumber={issue.rowNumber} /> },
              { key: 'receivedAt', label: t('issues.receivedAt'), children: <span className="tabular">{formatTimestamp(issue.createdAt)}</span> },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('issues.evidence')}</Typography.Title>
            <Descriptions
              size="small"
              column={1}
              bordered
              data-testid="issue-evidence"
              items={evidenceItems(issue.evidence, vocabulary).map((item) => ({
                key: item.field,
                label: translateKey(t, 'evidenceField', item.field, humanizeField(item.field)),
                children: <span className="registry-evidence-value">{item.text}</span>,
              }))}
            />
          </div>
          {issue.status !== 'open' && (
            <div>
              <Typography.Title level={5}>{t('issues.resolution')}</Typography.Title>
              <Descriptions
                size="small"
                column={1}
                bordered
                data-testid="issue-resolution"
                items={[
                  { key: 'status', label: t('issues.status'), children: <IssueStatusTag status={issue.status} /> },
                  { key: 'at', label: t('issues.resolvedAt'), children: <span className="tabular">{formatTimestamp(issue.resolvedAt)}</span> },
                  { key: 'note', label: t('issues.resolutionNote'), children: issue.resolutionNote ?? '—' },
                ]}
              />
            </div>
          )}
        </Space>
      )}
      <NoteModal
        open={chosen !== undefined}
        title={issue && chosen ? t(`issues.${chosen.action}Title`, { name: issue.name }) : ''}
        hint={chosen?.hint}
        label={t('issues.note')}
        placeholder={t('issues.notePlaceholder')}
        requiredMessage={t('issues.noteRequired')}
        okText={chosen ? t(`issues.${chosen.action}`) : ''}
        danger={chosen?.action === 'dismiss'}
        onCancel={() => setAction(null)}
        onSubmit={decide}
      />
    </Drawer>
  );
}
