import {
  DashboardOutlined, DatabaseOutlined, DesktopOutlined, LogoutOutlined, MenuOutlined, SafetyCertificateOutlined, SearchOutlined, UploadOutlined,
  UserAddOutlined, UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { canSee, useMe, useSession, type Page } from '../auth/session';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { HeaderSearch } from '../search/HeaderSearch';
import { canSearch } from '../search/query';
import './layout.css';

/** The menu's entries: person search has no `Page` of its own; the registry's two queues share one. */
type NavKey = 'worklist' | 'search' | 'registry' | 'issues' | 'leads' | 'intake' | 'screen';

interface NavEntry {
  path: string;
  icon: ReactNode;
  /** Who sees the entry: a role-gated page, or person search. */
  page: Page | 'search';
}

const NAV: Record<NavKey, NavEntry> = {
  worklist: { path: '/', icon: <DashboardOutlined />, page: 'worklist' },
  search: { path: '/search', icon: <SearchOutlined />, page: 'search' },
  registry: { path: '/registry', icon: <DatabaseOutlined />, page: 'registry' },
  issues: { path: '/registry/issues', icon: <SafetyCertificateOutlined />, page: 'registryReview' },
  leads: { path: '/registry/leads', icon: <UserAddOutlined />, page: 'registryReview' },
  intake: { path: '/intake', icon: <UploadOutlined />, page: 'intake' },
  screen: { path: '/screen', icon: <DesktopOutlined />, page: 'screen' },
};
const NAV_ORDER: readonly NavKey[] = ['worklist', 'search', 'registry', 'issues', 'leads', 'intake', 'screen'];

function selectedPage(pathname: string): NavKey {
  if (pathname.startsWith('/registry/issues')) return 'issues';
  if (pathname.startsWith('/registry/leads')) return 'leads';
  if (pathname.startsWith('/registry')) return 'registry';
  if (pathname.startsWith('/intake')) return 'intake';
  if (pathname.startsWith('/screen')) return 'screen';
  if (pathname.startsWith('/search') || pathname.startsWith('/households')) return 'search';
  return 'worklist';
}

/** The working pages' frame: side menu, and a header with the user, language and logout. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;

  const searchAllowed = canSearch(me.role);
  const items: MenuProps['items'] = NAV_ORDER.filter((key) => {
    const { page } = NAV[key];
    return page === 'search' ? searchAllowed : canSee(me.role, page);
  }).map((key) => ({ key, icon: NAV[key].icon, label: t(`nav.${key}`), 'data-testid': `nav-${key}` }));

  async function signOut(): Promise<void> {
    await logout();
    await navigate('/login', { replace: true });
  }

  const [menuOpen, setMenuOpen] = useState(false);
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedPage(pathname)]}
      items={items}
      onClick={({ key }) => {
        setMenuOpen(false);
        void navigate(NAV[key as NavKey].path);
      }}
    />
  );
  const brand = (
    <div className="app-brand">
      <span className="app-brand-mark">守</span>
      <span className="app-brand-name">{t('app.name')}</span>
    </div>
  );

  return (
    <Layout className="app-layout">
      {narrow ? (
        <Drawer
          placement="left"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          size={240}
          closable={false}
          className="app-drawer"
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          {brand}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider width={208} className="app-sider" theme="dark">
          {brand}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          <Space size={4} className="app-header-title">
            {narrow && (
              <Button type="text" icon={<MenuOutlined />} aria-label={t('header.menu')} onClick={() => setMenuOpen(true)} />
            )}
            <Typography.Text strong ellipsis>
              {narrow ? t('app.name') : t('app.fullName')}
            </Typography.Text>
          </Space>
          <Space size={narrow ? 8 : 16} className="app-header-tools">
            {/* The search page has its own box. */}
            {searchAllowed && !pathname.startsWith('/search') && <HeaderSearch narrow={narrow} />}
            <Space size={6} className="app-user" data-testid="header-user">
              <UserOutlined />
              <span>{me.displayName}</span>
              {!narrow && <Tag variant="filled">{t(`role.${me.role}`)}</Tag>}
            </Space>
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="logout" type="text">
              {narrow ? null : t('header.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
