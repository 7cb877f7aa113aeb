import { ArrowLeftOutlined, CheckOutlined, StopOutlined } from '@ant-design/icons';
import type { WarningDetail, WarningStatus } from '@shouwang/contract';
import { Alert, App, Button, Card, Col, Popconfirm, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { toApiRequestError } from '../api/client';
import { errorMessage, ErrorText } from '../api/ErrorText';
import { useResource } from '../api/useResource';
import { formatTimestamp } from '../format/datetime';
import { ExplanationCard } from './ExplanationCard';
import { HistoryCard } from './HistoryCard';
import { HouseholdCard } from './HouseholdCard';
import { ProvenanceCard } from './ProvenanceCard';
import { SituationTag, StatusTag } from './tags';
import { changeWarningStatus, fetchWarning } from './warnings.api';
import './warnings.css';

function StatusActions({ warning, onChanged }: { warning: WarningDetail; onChanged: (w: WarningDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pending, setPending] = useState<WarningStatus | null>(null);

  async function change(status: WarningStatus): Promise<void> {
    setPending(status);
    try {
      const updated = await changeWarningStatus(warning.id, status);
      onChanged(updated);
      void message.success(t('warning.statusChanged', { status: t(`status.${updated.status}`) }));
    } catch (failure) {
      void message.error(errorMessage(t, toApiRequestError(failure)));
    } finally {
      setPending(null);
    }
  }

  return (
    <Space wrap>
      {warning.status === 'open' && (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={pending === 'acknowledged'}
          disabled={pending !== null}
          onClick={() => void change('acknowledged')}
          data-testid="warning-acknowledge"
        >
          {t('warning.acknowledge')}
        </Button>
      )}
      {warning.status !== 'closed' && (
        <Popconfirm
          title={t('warning.closeConfirm')}
          okText={t('warning.close')}
          cancelText={t('common.cancel')}
          onConfirm={() => change('closed')}
        >
          <Button
            danger
            icon={<StopOutlined />}
            loading={pending === 'closed'}
            disabled={pending !== null}
            data-testid="warning-close"
          >
            {t('warning.close')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

export function WarningDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const resource = useResource(`warning:${id}`, (signal) => fetchWarning(id, signal));
  const warning = resource.data?.id === id ? resource.data : undefined;

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void (location.key === 'default' ? navigate('/') : navigate(-1))} className="warning-back">
      {t('warning.back')}
    </Button>
  );

  if (resource.error) {
    return (
      <div className="warning-page">
        {back}
        <Alert type="error" showIcon title={<ErrorText error={resource.error} />} data-testid="warning-error" />
      </div>
    );
  }
  if (!warning) {
    return (
      <div className="warning-page">
        {back}
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </div>
    );
  }

  return (
    <div className="warning-page" data-testid="warning-detail">
      {back}
      <Card className="warning-header">
        <div className="warning-header-row">
          <div className="warning-header-main">
            <Space wrap size={8}>
              <SituationTag situation={warning.situation} />
              <StatusTag status={warning.status} />
              <Typography.Title level={4} className="warning-title">
                {warning.headName}
              </Typography.Title>
            </Space>
            <Typography.Text type="secondary" className="warning-where">
              {warning.districtName} · {warning.subdistrictName} · {warning.communityName}
            </Typography.Text>
            <Typography.Text type="secondary" className="warning-when tabular">
              {t('warning.openedAt')} {formatTimestamp(warning.openedAt)} · {t('warning.updatedAt')}{' '}
              {formatTimestamp(warning.updatedAt)}
            </Typography.Text>
          </div>
          <StatusActions warning={warning} onChanged={resource.replace} />
        </div>
      </Card>
      <ExplanationCard explanation={warning.explanation} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <HouseholdCard warning={warning} />
        </Col>
        <Col xs={24} xl={10}>
          <HistoryCard history={warning.history} />
        </Col>
      </Row>
      <ProvenanceCard householdId={warning.householdId} />
    </div>
  );
}
