import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { shortId } from '../format/id';
import { batchPagePath } from '../intake/links';
import { useRegistryNames } from './names';

/** Which delivery a fact came from: the feed's name, and its batch and row, linked to the batch's page. */
export function SourceRowLink({ sourceId, batchId, rowNumber }: { sourceId: string; batchId: string; rowNumber: number }) {
  const { t } = useTranslation();
  const names = useRegistryNames();
  return (
    <div>
      <div>{names.source(sourceId)}</div>
      <Link to={batchPagePath(batchId, rowNumber)} className="registry-secondary" title={batchId} data-testid="source-row-link">
        {t('issues.rowRef', { batch: shortId(batchId), row: rowNumber })}
      </Link>
    </div>
  );
}

export function Muted({ children }: { children: string }) {
  return (
    <Typography.Text type="secondary" className="registry-secondary">
      {children}
    </Typography.Text>
  );
}
