import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/ErrorText';
import { toApiRequestError, type ApiRequestError } from '../api/client';

/** The server accepts 2–500 characters after trimming. */
export const NOTE_MIN = 2;
export const NOTE_MAX = 500;

interface NoteModalProps {
  open: boolean;
  title: string;
  label: string;
  placeholder: string;
  requiredMessage: string;
  okText: string;
  hint?: string | undefined;
  danger?: boolean;
  onCancel: () => void;
  /** Rejects with the API's error: shown in the modal, which stays open. */
  onSubmit: (note: string) => Promise<void>;
}

/** The error in the reader's words, and the server's own account of it below when that says more. */
function ErrorAlert({ error }: { error: ApiRequestError }) {
  const { t } = useTranslation();
  const title = errorMessage(t, error);
  const detail = error.message && error.message !== title ? error.message : undefined;
  return <Alert type="error" showIcon title={title} description={detail} data-testid="note-error" />;
}

/** A decision that needs a written note (resolve, dismiss, re-match, exclude): the note goes to the audit log. */
export function NoteModal({ open, title, label, placeholder, requiredMessage, okText, hint, danger = false, onCancel, onSubmit }: NoteModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiRequestError | null>(null);

  async function submit(): Promise<void> {
    const { note } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(note.trim());
    } catch (failure) {
      setError(toApiRequestError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      // Test ids are not among ButtonProps' declared attributes.
      okButtonProps={{ danger, loading: busy, ...({ 'data-testid': 'note-submit' } as object) }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
      afterClose={() => {
        form.resetFields();
        setError(null);
      }}
      modalRender={(node) => <div data-testid="note-modal">{node}</div>}
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="note"
          label={label}
          rules={[{ required: true, whitespace: true, min: NOTE_MIN, transform: (value?: string) => value?.trim(), message: requiredMessage }]}
        >
          <Input.TextArea rows={4} maxLength={NOTE_MAX} showCount placeholder={placeholder} data-testid="note-input" />
        </Form.Item>
      </Form>
      {error && <ErrorAlert error={error} />}
    </Modal>
  );
}
