import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Result, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCapabilities } from '../auth/capabilities-context';
import { useSession } from '../auth/session-context';
import { PageLoading } from '../components/page-loading';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { ROLE_MENUS } from './role-menu';

const { Header, Sider, Content } = Layout;

function Brand() {
  return (
    <span className="brand">
      <img src="/favicon.svg" alt="" className="brand-mark" />
      Hòa Nhập
    </span>
  );
}

/** The frame around every signed-in page: the role's menu, language, notifications and the user. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  const { ready, can } = useCapabilities();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);

  const entries = user ? ROLE_MENUS[user.role].filter((entry) => can(...entry.requires)) : [];
  // the longest menu path that starts the current URL is the selected entry
  const selected = entries
    .map((entry) => entry.path)
    .filter((path) => location.pathname === path || location.pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={entries.map((entry) => ({ key: entry.path, icon: entry.icon, label: t(entry.label) }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
    />
  );

  const userMenu = {
    items: [
      { key: 'who', label: <span>{user?.email}</span>, disabled: true },
      { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout') },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'logout') void logout().then(() => navigate('/login'));
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      {!phone && (
        <Sider width={240} breakpoint="lg" collapsedWidth={72} aria-label={t('shell.mainMenu')}>
          <div style={{ padding: '16px 20px' }}>
            <Brand />
          </div>
          <nav aria-label={t('shell.mainMenu')}>{menu}</nav>
        </Sider>
      )}
      <Layout>
        <Header style={{ display: 'flex', alignItems: 'center', gap: 12, padding: phone ? '0 12px' : '0 24px', background: phone ? '#001529' : '#fff' }}>
          {phone && (
            <>
              <Button type="text" icon={<MenuOutlined style={{ color: '#fff' }} />} aria-label={t('shell.openMenu')} onClick={() => setDrawerOpen(true)} />
              <Brand />
            </>
          )}
          {!phone && user && (
            <Typography.Text className="muted">
              {t(`roles.${user.role}`)} · {user.name}
            </Typography.Text>
          )}
          <div className="header-actions">
            <LanguageSwitch dark={phone} />
            <NotificationBell dark={phone} />
            <Dropdown menu={userMenu} trigger={['click']}>
              <Button type="text" icon={<UserOutlined style={phone ? { color: '#fff' } : undefined} />} aria-label={t('shell.account')}>
                {!phone && <span>{user?.name}</span>}
              </Button>
            </Dropdown>
          </div>
        </Header>
        <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" width={260} title={<Brand />} styles={{ body: { padding: 0, background: '#001529' }, header: { background: '#001529' } }}>
          <nav aria-label={t('shell.mainMenu')}>{menu}</nav>
        </Drawer>
        <Content id="main" tabIndex={-1} style={{ padding: phone ? 12 : 24, outline: 'none' }}>
          {!ready ? (
            <PageLoading />
          ) : entries.length === 0 ? (
            <Result status="info" title={t('shell.nothingYetTitle')} subTitle={t('shell.nothingYetText')} />
          ) : (
            children
          )}
        </Content>
      </Layout>
    </Layout>
  );
}
