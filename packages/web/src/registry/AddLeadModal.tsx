import type { Lead } from '@shouwang/contract';
import { Alert, Button, Form, Input, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorText } from '../api/ErrorText';
import { toApiRequestError, type ApiRequestError } from '../api/client';
import { householdPath } from '../search/query';
import { CommunityPicker } from './CommunityPicker';
import { NOTE_MAX } from './NoteModal';
import { reviewLead } from './registry.api';

interface AddForm {
  communityCode: string;
  address: string;
  note?: string;
}

/** What the server says about a field, in the reader's words when the message is a known one. */
const FIELD_MESSAGES: Record<string, 'leads.unknownCommunity' | 'leads.outsideTerritory'> = {
  'unknown community code': 'leads.unknownCommunity',
  'outside your territory': 'leads.outsideTerritory',
};

interface AddLeadModalProps {
  lead: Lead | undefined;
  onClose: () => void;
  onAdded: (lead: Lead) => void;
}

/** 纳入困难群众库: a household in the chosen community, with the lead as its head. */
export function AddLeadModal({ lead, onClose, onAdded }: AddLeadModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [added, setAdded] = useState<Lead | null>(null);

  async function submit(values: AddForm): Promise<void> {
    if (!lead) return;
    setBusy(true);
    setError(null);
    try {
      const note = values.note?.trim();
      const result = await reviewLead(lead.id, { action: 'add', communityCode: values.communityCode, address: values.address.trim(), ...(note ? { note } : {}) });
      setAdded(result);
      onAdded(result);
    } catch (failure) {
      const apiError = toApiRequestError(failure);
      const fields = (apiError.details ?? []).filter((d) => d.field === 'communityCode' || d.field === 'address');
      if (fields.length > 0) {
        form.setFields(fields.map((d) => {
          const known = FIELD_MESSAGES[d.message];
          return { name: d.field as keyof AddForm, errors: [known ? t(known) : d.message] };
        }));
      } else {
        setError(apiError);
      }
    } finally {
      setBusy(false);
    }
  }

  const footer = added
    ? null
    : [
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="add" type="primary" loading={busy} onClick={() => form.submit()} data-testid="lead-add-submit">{t('leads.add')}</Button>,
      ];

  return (
    <Modal
      open={lead !== undefined}
      title={lead ? t('leads.addTitle', { name: lead.name }) : ''}
      onCancel={onClose}
      footer={footer}
      destroyOnHidden
      afterClose={() => {
        setAdded(null);
        setError(null);
      }}
      modalRender={(node) => <div data-testid="lead-add-modal">{node}</div>}
    >
      {added?.householdId ? (
        <Result
          status="success"
          title={t('leads.added', { name: added.name })}
          subTitle={t('leads.addedHint')}
          extra={
            <Link to={householdPath(added.householdId, 'data_quality')} data-testid="lead-open-household">
              <Button type="primary">{t('leads.openHousehold')}</Button>
            </Link>
          }
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('leads.addHint')}</Typography.Paragraph>
          <Form<AddForm>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ communityCode: lead?.communityCode ?? undefined }}
            onFinish={(values) => void submit(values)}
          >
            <Form.Item
              name="communityCode"
              label={t('leads.communityLabel')}
              rules={[{ required: true, pattern: /^\d{12}$/, message: t('leads.communityRequired') }]}
            >
              <CommunityPicker />
            </Form.Item>
            <Form.Item
              name="address"
              label={t('leads.addressLabel')}
              rules={[{ required: true, whitespace: true, min: 4, max: 200, transform: (v?: string) => v?.trim(), message: t('leads.addressRequired') }]}
            >
              <Input maxLength={200} placeholder={t('leads.addressPlaceholder')} data-testid="lead-address" />
            </Form.Item>
            <Form.Item name="note" label={t('leads.noteLabel')}>
              <Input.TextArea rows={2} maxLength={NOTE_MAX} showCount data-testid="lead-note" />
            </Form.Item>
          </Form>
          {error && <Alert type="error" showIcon title={<ErrorText error={error} />} data-testid="lead-add-error" />}
        </>
      )}
    </Modal>
  );
}
