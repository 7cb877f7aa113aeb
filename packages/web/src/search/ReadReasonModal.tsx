import { AuditOutlined } from '@ant-design/icons';
import type { ReadReason } from '@shouwang/contract';
import { Alert, Button, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { READ_REASONS } from './query';

interface ReadReasonModalProps {
  open: boolean;
  /** Whose record is about to be opened (a name as the caller may see it). */
  subject?: string | undefined;
  onCancel: () => void;
  onConfirm: (reason: ReadReason) => void;
}

/** Asks why a household's full record is opened; the answer goes to the audit log with the read. */
export function ReadReasonModal({ open, subject, onCancel, onConfirm }: ReadReasonModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ReadReason | null>(null);

  function confirm(): void {
    if (reason) onConfirm(reason);
  }

  return (
    <Modal
      open={open}
      title={t('readReason.title')}
      onCancel={onCancel}
      destroyOnHidden
      afterClose={() => setReason(null)}
      modalRender={(node) => <div data-testid="read-reason-modal">{node}</div>}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button key="confirm" type="primary" disabled={!reason} onClick={confirm} data-testid="read-reason-confirm">
          {t('readReason.confirm')}
        </Button>,
      ]}
    >
      {subject && (
        <Typography.Paragraph>
          {t('readReason.subject', { name: subject })}
        </Typography.Paragraph>
      )}
      <Radio.Group
        orientation="vertical"
        value={reason}
        onChange={(event) => setReason(event.target.value as ReadReason)}
        aria-label={t('readReason.title')}
        data-testid="read-reason-options"
        options={READ_REASONS.map((value) => ({ value, label: t(`readReason.${value}`) }))}
      />
      <Alert type="info" showIcon icon={<AuditOutlined />} title={t('readReason.audit')} className="read-reason-audit" />
    </Modal>
  );
}
