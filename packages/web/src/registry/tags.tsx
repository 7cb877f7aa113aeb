import type { DataQualityIssue, DataQualityKind, Lead } from '@shouwang/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export const ISSUE_KINDS: readonly DataQualityKind[] = ['id_in_two_households', 'death_of_enrolled', 'roster_without_household'];

const KIND_COLORS: Record<DataQualityKind, string> = {
  id_in_two_households: 'orange',
  death_of_enrolled: 'red',
  roster_without_household: 'geekblue',
};

export function IssueKindTag({ kind }: { kind: DataQualityKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} data-kind={kind}>
      {t(`issueKind.${kind}`)}
    </Tag>
  );
}

const ISSUE_STATUS_COLORS: Record<DataQualityIssue['status'], string> = { open: 'red', resolved: 'success', dismissed: 'default' };

export function IssueStatusTag({ status }: { status: DataQualityIssue['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={ISSUE_STATUS_COLORS[status]} data-status={status}>
      {t(`issueStatus.${status}`)}
    </Tag>
  );
}

const LEAD_STATUS_COLORS: Record<Lead['status'], string> = { open: 'orange', added: 'success', dismissed: 'default' };

export function LeadStatusTag({ status }: { status: Lead['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEAD_STATUS_COLORS[status]} data-status={status}>
      {t(`leadStatus.${status}`)}
    </Tag>
  );
}
