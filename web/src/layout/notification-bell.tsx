import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCapabilities } from '../auth/capabilities-context';
import { useUser } from '../auth/session-context';
import { formatDateTime } from '../format/format';
import { loadNotices, type Notice } from './notification-sources';

const REFRESH_MS = 60_000;
const SHOWN = 8;

/**
 * The in-app inbox: what waits for this user, read from the services' own
 * lists (new referrals for employers, colleges and the bank; answers, stale
 * referrals and loan decisions for officers), refreshed every minute and
 * whenever it is opened.
 */
export function NotificationBell({ dark = false }: { dark?: boolean }) {
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const { role } = useUser();
  const navigate = useNavigate();
  const [items, setItems] = useState<Notice[]>([]);
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let live = true;
    const load = () =>
      loadNotices(role, t, can).then(
        (found) => live && setItems(found),
        () => undefined,
      );
    void load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [role, t, can, tick]);

  const content = items.length ? (
    <List
      size="small"
      style={{ width: 320, maxWidth: '85vw' }}
      dataSource={items.slice(0, SHOWN)}
      renderItem={(item) => (
        <List.Item>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => {
              setOpen(false); // an open popover would cover the page the notice leads to
              navigate(item.to);
            }}
          >
            <span>
              {item.text}
              {item.at && (
                <span className="muted" style={{ display: 'block', fontSize: 12 }}>
                  {formatDateTime(item.at)}
                </span>
              )}
            </span>
          </Button>
        </List.Item>
      )}
    />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />
  );

  return (
    <Popover
      content={content}
      title={t('notifications.title')}
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
        aria-label={t('notifications.label', { count: items.length })}
        icon={
          <Badge count={items.length} size="small">
            <BellOutlined style={dark ? { color: '#fff' } : undefined} />
          </Badge>
        }
      />
    </Popover>
  );
}
