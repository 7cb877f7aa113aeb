import { SearchOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { MAX_QUERY_LENGTH, searchPath } from './query';
import { inputTestId } from './testId';
import './search.css';

/** The header's person search: a box on wide screens, an icon to the search page on phones. */
export function HeaderSearch({ narrow }: { narrow: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (narrow) {
    return (
      <Button
        type="text"
        icon={<SearchOutlined />}
        aria-label={t('search.title')}
        onClick={() => void navigate('/search')}
        data-testid="header-search-button"
      />
    );
  }
  return (
    <Input.Search
      allowClear
      maxLength={MAX_QUERY_LENGTH}
      placeholder={t('search.headerPlaceholder')}
      aria-label={t('search.title')}
      className="header-search"
      ref={inputTestId('header-search')}
      onSearch={(value, _event, info) => {
        if (info?.source === 'clear') return;
        void navigate(searchPath(value));
      }}
    />
  );
}
