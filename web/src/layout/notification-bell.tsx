import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCapabilities } from '../auth/capabilities-context';
import { useUser } from '../auth/session-context';
import { formatDateTime } from '../format/format';
import { useNoticeReads } from './notification-reads';
import { loadNotices, type Notice } from './notification-sources';

const REFRESH_MS = 60_000;
const SHOWN = 10;

/**
 * The in-app inbox: what waits for this user, read from the services' own
 * lists (new referrals for employers, colleges and the bank; answers, stale
 * referrals and loan decisions for officers), refreshed every minute and
 * whenever it is opened. A notice is unread until the user opens it or marks
 * all read, on any of their devices (notification-reads.ts); the badge counts
 * the unread ones.
 */
export function NotificationBell({ dark = false }: { dark?: boolean }) {
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const { role, id: userId } = useUser();
  const navigate = useNavigate();
  const { isRead, markRead, sync } = useNoticeReads(userId);
  const [items, setItems] = useState<Notice[]>([]);
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let live = true;
    // notices and what the user read elsewhere, together: every minute and whenever the bell is opened
    const load = () =>
      Promise.all([loadNotices(role, t, can), sync()]).then(
        ([found]) => live && setItems(found),
        () => undefined,
      );
    void load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [role, t, can, sync, tick]);

  const unread = items.filter((item) => !isRead(item));
  // unread first, each part newest first (loadNotices sorts by time)
  const shown = [...unread, ...items.filter((item) => isRead(item))].slice(0, SHOWN);

  const content = items.length ? (
    <List
      size="small"
      style={{ width: 340, maxWidth: '85vw' }}
      dataSource={shown}
      renderItem={(item) => {
        const read = isRead(item);
        return (
          <List.Item className={read ? 'notice notice-read' : 'notice notice-unread'}>
            <Button
              type="link"
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', fontWeight: read ? 400 : 600 }}
              onClick={() => {
                markRead([item]);
                setOpen(false); // an open popover would cover the page the notice leads to
                navigate(item.to);
              }}
            >
              <span>
                {!read && <Badge status="processing" style={{ marginRight: 6 }} />}
                {item.text}
                {!read && <span className="visually-hidden"> ({t('notifications.unread')})</span>}
                {item.at && (
                  <span className="muted" style={{ display: 'block', fontSize: 12, fontWeight: 400 }}>
                    {formatDateTime(item.at)}
                  </span>
                )}
              </span>
            </Button>
          </List.Item>
        );
      }}
    />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />
  );

  const title = (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
      <span>{t('notifications.title')}</span>
      {unread.length > 0 && (
        <Button size="small" type="link" style={{ padding: 0 }} onClick={() => markRead(items)}>
          {t('notifications.markAllRead')}
        </Button>
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      title={title}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setTick((n) => n + 1);
      }}
    >
      <Button
        type="text"
        aria-label={t('notifications.label', { count: unread.length })}
        icon={
          <Badge count={unread.length} size="small">
            <BellOutlined style={dark ? { color: '#fff' } : undefined} />
          </Badge>
        }
      />
    </Popover>
  );
}
