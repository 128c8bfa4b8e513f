import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { casesApi, type Referral } from '../api/cases.api';
import { useCapabilities } from '../auth/capabilities-context';

const INBOX = '/api/cases/referrals/inbox';

/**
 * Notifications. For officers, the referral inbox (stale or newly answered
 * referrals), refreshed every minute; other roles have no notification feed
 * yet and see an empty list.
 */
export function NotificationBell({ dark = false }: { dark?: boolean }) {
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const navigate = useNavigate();
  const hasInbox = can('GET', INBOX);
  const [items, setItems] = useState<Referral[]>([]);

  useEffect(() => {
    if (!hasInbox) return;
    let live = true;
    const load = () =>
      casesApi.referralInbox({ limit: 20 }).then(
        (page) => live && setItems(page.items),
        () => undefined,
      );
    void load();
    const timer = window.setInterval(load, 60_000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [hasInbox]);

  const content = items.length ? (
    <List
      size="small"
      style={{ width: 300 }}
      dataSource={items.slice(0, 6)}
      renderItem={(item) => (
        <List.Item>
          <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => navigate('/officer/referrals')}>
            {item.stale ? t('notifications.stale', { kind: t(`referral.kind.${item.target.kind}`) }) : t('notifications.answered', { status: t(`referral.status.${item.status}`) })}
          </Button>
        </List.Item>
      )}
    />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />
  );

  return (
    <Popover content={content} title={t('notifications.title')} trigger="click" placement="bottomRight">
      <Button type="text" aria-label={t('notifications.label', { count: items.length })} icon={<Badge count={items.length} size="small"><BellOutlined style={dark ? { color: '#fff' } : undefined} /></Badge>} />
    </Popover>
  );
}
