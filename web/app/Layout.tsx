import { useEffect } from 'react';
import { Button, Dropdown, Flex, Grid, Layout as AntLayout, Menu, Space, Typography } from 'antd';
import {
  BellOutlined,
  DownOutlined,
  EllipsisOutlined,
  LogoutOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '../../domain/roles';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NotificationBell } from '../features/messages/NotificationBell';
import { setPasswordChangeRequiredHandler, setUnauthenticatedHandler } from '../lib/api';
import { useI18n, type MessageKey } from '../lib/i18n';
import { meKey, useMe } from '../lib/queries';
import { useSignOut } from '../lib/session';
import { CHANGE_PASSWORD_PATH } from './guards';
import { pageTitleKey } from './page-titles';

// The organizer's daily work sits in the bar; the review's pages and administration are one
// submenu each (so the bar fits a 1280-pixel screen).
const ORGANIZER_LINKS: Array<[string, MessageKey]> = [
  ['/admin/progress', 'progress.nav'],
  ['/admin/statistics', 'stats.nav'],
  ['/admin/awards', 'awards.nav'],
];
const REVIEW_LINKS: Array<[string, MessageKey]> = [
  ['/admin/registry', 'registry.nav'],
  ['/admin/findings', 'dup.admin.nav'],
  ['/admin/paper', 'paper.nav'],
  ['/admin/formal-check', 'fc.nav'],
  ['/admin/experts', 'experts.nav'],
  ['/admin/review-rounds', 'rounds.nav'],
  ['/admin/selection', 'selection.nav'],
  ['/admin/objections', 'objection.admin.nav'],
  ['/admin/showcase', 'showcase.admin.title'],
];
/** 动态管理 after the award (issue 15), one submenu */
const POST_AWARD_LINKS: Array<[string, MessageKey]> = [
  ['/admin/lifecycle', 'lifecycle.nav'],
  ['/admin/post-award', 'postAward.admin.nav'],
  ['/admin/spot-checks', 'spot.nav'],
  ['/admin/evaluation', 'eval.nav'],
  ['/admin/catalogue', 'catalogueVersions.title'],
];
const ADMIN_LINKS: Array<[string, MessageKey]> = [
  ['/admin/users', 'nav.users'],
  ['/admin/units', 'nav.units'],
  ['/admin/enterprises', 'nav.enterprises'],
  ['/admin/claims', 'claim.admin.nav'],
  ['/admin/campaigns', 'nav.campaigns'],
  ['/admin/audit', 'nav.audit'],
  ['/announcements', 'ann.nav'],
  ['/admin/notification-templates', 'nav.notificationTemplates'],
  ['/admin/outbound-emails', 'nav.outboundEmails'],
];

function UserMenu() {
  const { t, lang } = useI18n();
  const wide = Grid.useBreakpoint().md !== false;
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut();
  if (!me.data)
    return (
      <Space>
        <Link to="/login">
          <Button type="primary" size="small">
            {t('nav.login')}
          </Button>
        </Link>
        <Link to="/register">
          <Button size="small">{t('nav.register')}</Button>
        </Link>
      </Space>
    );
  const { user } = me.data;
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'profile', icon: <UserOutlined />, label: t('nav.profile') },
          { key: 'notifications', icon: <BellOutlined />, label: t('nav.notificationSettings') },
          ...(user.role === 'enterprise'
            ? [{ key: 'verification', icon: <SafetyCertificateOutlined />, label: t('ev.title') }]
            : []),
          { key: 'password', icon: <KeyOutlined />, label: t('nav.changePassword') },
          { type: 'divider' },
          { key: 'signOut', icon: <LogoutOutlined />, label: t('nav.signOut'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'profile') navigate('/account/profile');
          if (key === 'notifications') navigate('/account/notifications');
          if (key === 'verification') navigate('/account/verification');
          if (key === 'password') navigate(CHANGE_PASSWORD_PATH);
          if (key === 'signOut') signOut.mutate(undefined, { onSettled: () => navigate('/login') });
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ color: '#fff' }}>
        <UserOutlined /> {wide && (user.enterpriseName ?? user.name)}
        <Typography.Text style={{ color: 'rgba(255,255,255,.7)', marginInlineStart: 6 }}>
          {ROLE_LABELS[user.role][lang]}
        </Typography.Text>
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}

/** Sends the reader to /login when the server says the session is gone. */
function useSessionWatcher() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const location = useLocation();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      qc.setQueryData(meKey, null);
      if (!window.location.pathname.startsWith('/login'))
        navigate(`/login?next=${encodeURIComponent(window.location.pathname)}`);
    });
    // the server refuses everything but the password change until it is done: go there
    setPasswordChangeRequiredHandler(() => {
      void qc.invalidateQueries({ queryKey: meKey });
      if (window.location.pathname !== CHANGE_PASSWORD_PATH)
        navigate(CHANGE_PASSWORD_PATH, { replace: true });
    });
  }, [navigate, qc]);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);
}

/** The page's name: its <title> ("申报书 - 征选") and the level-1 heading that opens <main>. */
function usePageTitle(): string {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const title = t(pageTitleKey(pathname));
  useEffect(() => {
    document.title = `${title} - ${t('app.name')}`;
  }, [title, t]);
  return title;
}

export function Layout() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const wide = Grid.useBreakpoint().md !== false;
  useSessionWatcher();
  const pageTitle = usePageTitle();
  const isOrganizer = me.data?.user.role === 'organizer';
  const link = ([to, key]: [string, MessageKey]) => ({
    key: to,
    label: <Link to={to}>{t(key)}</Link>,
  });
  const items = [
    { key: '/', label: <Link to="/">{t('nav.home')}</Link> },
    ...(me.data ? [] : [{ key: '/verify', label: <Link to="/verify">{t('nav.verify')}</Link> }]),
    ...(me.data?.user.role === 'recommender'
      ? [
          { key: '/desk', label: <Link to="/desk">{t('desk.nav')}</Link> },
          {
            key: '/recommender/statistics',
            label: <Link to="/recommender/statistics">{t('stats.nav')}</Link>,
          },
          {
            key: '/recommender/support',
            label: <Link to="/recommender/support">{t('support.nav')}</Link>,
          },
        ]
      : []),
    ...(me.data?.user.role === 'expert'
      ? [{ key: '/expert', label: <Link to="/expert">{t('expert.nav')}</Link> }]
      : []),
    ...(me.data?.user.role === 'expert'
      ? [
          {
            key: '/evaluations',
            label: <Link to="/evaluations">{t('eval.my.nav')}</Link>,
          },
        ]
      : []),
    ...(me.data?.user.role === 'recommender'
      ? [link(['/recommender/post-award', 'postAward.nav'])]
      : []),
    ...(me.data?.user.role === 'enterprise' ? [link(['/post-award', 'postAward.mineTitle'])] : []),
    ...(isOrganizer
      ? [
          ...ORGANIZER_LINKS.slice(0, 1).map(link),
          { key: 'review', label: t('nav.review'), children: REVIEW_LINKS.map(link) },
          { key: 'post-award', label: t('nav.postAward'), children: POST_AWARD_LINKS.map(link) },
          ...ORGANIZER_LINKS.slice(1).map(link),
          { key: 'admin', label: t('nav.admin'), children: ADMIN_LINKS.map(link) },
        ]
      : []),
    ...(me.data?.user.role === 'expert'
      ? [
          {
            key: '/expert/spot-checks',
            label: <Link to="/expert/spot-checks">{t('spot.expert.title')}</Link>,
          },
        ]
      : []),
    ...(isOrganizer
      ? []
      : [{ key: '/spot-checks', label: <Link to="/spot-checks">{t('spot.public.title')}</Link> }]),
  ];
  const selected = [
    ...(isOrganizer
      ? [...ORGANIZER_LINKS, ...REVIEW_LINKS, ...POST_AWARD_LINKS, ...ADMIN_LINKS]
      : []),
    ...items,
  ]
    .map((i) => (Array.isArray(i) ? i[0] : i.key))
    .filter(
      (k) =>
        k !== '/' &&
        k !== 'admin' &&
        k !== 'review' &&
        k !== 'post-award' &&
        location.pathname.startsWith(k),
    );
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('a11y.skipToMain')}
      </a>
      <AntLayout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: wide ? 24 : 8,
          paddingInline: wide ? 24 : 12,
        }}
      >
        <Link to="/" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: 20 }}>
            {t('app.name')}
          </Typography.Text>
          {wide && (
            <Typography.Text style={{ color: 'rgba(255,255,255,.75)', marginInlineStart: 8 }}>
              {t('app.tagline')}
            </Typography.Text>
          )}
        </Link>
        <nav aria-label={t('a11y.mainNav')} style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selected.length ? selected : location.pathname === '/' ? ['/'] : []}
            items={items}
            overflowedIndicator={<EllipsisOutlined aria-label={t('a11y.moreMenu')} />}
          />
        </nav>
        <Flex gap={wide ? 16 : 8} align="center">
          <LanguageSwitch />
          {me.data && !me.data.user.mustChangePassword && <NotificationBell />}
          <UserMenu />
        </Flex>
      </AntLayout.Header>
      <AntLayout.Content
        id="main"
        tabIndex={-1}
        style={{
          padding: '24px',
          maxWidth: 1360,
          width: '100%',
          margin: '0 auto',
          outline: 'none',
        }}
      >
        <h1 className="visually-hidden">{pageTitle}</h1>
        <Outlet />
      </AntLayout.Content>
      <AntLayout.Footer style={{ textAlign: 'center', color: 'rgba(0, 0, 0, 0.65)' }}>
        {t('app.footer')} · <Link to="/verify">{t('nav.verify')}</Link>
        {/* a server-rendered page (/solutions), not a route of the app */}
        {' · '}
        <a href="/solutions">{t('nav.catalogue')}</a>
      </AntLayout.Footer>
    </AntLayout>
  );
}
