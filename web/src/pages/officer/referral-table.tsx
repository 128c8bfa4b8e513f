import { Button, Space, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../api/cases.api';
import { StatusTag } from '../../components/status-tag';
import { TargetLabel } from '../../components/target-label';
import { formatDate } from '../../format/format';

export interface ReferralAction {
  label: string;
  show(referral: Referral): boolean;
  run(referral: Referral): void;
}

/** Referrals with our status, the receiving side's status and reason, and the stale / answered flags. */
export function ReferralTable({ referrals, loading, names, actions = [] }: { referrals: Referral[]; loading?: boolean; names?: Map<string, string>; actions?: ReferralAction[] }) {
  const { t, i18n } = useTranslation();
  const sideStatus = (s?: string) => (s && i18n.exists(`status.${s}`) ? t(`status.${s}`) : s);
  return (
    <Table<Referral>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={referrals}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: t('referral.empty') }}
      columns={[
        ...(names ? [{ title: t('fields.fullName'), key: 'who', render: (_: unknown, r: Referral) => names.get(r.returneeId) ?? `#${r.returneeId.slice(0, 8)}` }] : []),
        { title: t('referral.target'), key: 'target', render: (_, r) => (r.target.kind && r.target.id ? <TargetLabel kind={r.target.kind} id={r.target.id} /> : '—') },
        {
          title: t('fields.status'),
          key: 'status',
          render: (_, r) => (
            <Space size={4} wrap>
              <StatusTag value={r.status} prefix="referral.status" />
              {r.stale && <Tag color="volcano">{t('referral.stale')}</Tag>}
              {r.newlyAnswered && <Tag color="blue">{t('referral.newlyAnswered')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('referral.side'),
          key: 'side',
          render: (_, r) =>
            r.side ? (
              <span>
                {sideStatus(r.side.status)}
                {r.side.reason && <div className="muted">{sideStatus(r.side.reason)}</div>}
              </span>
            ) : (
              <span className="muted">{t('referral.noAnswer')}</span>
            ),
        },
        { title: t('referral.sentOn'), dataIndex: 'createdAt', render: formatDate, responsive: ['md'] },
        { title: t('referral.changedOn'), dataIndex: 'changedAt', render: formatDate, responsive: ['lg'] },
        ...(actions.length
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, r: Referral) => (
                  <Space wrap>
                    {actions.filter((a) => a.show(r)).map((a) => (
                      <Tooltip key={a.label} title={a.label}>
                        <Button size="small" onClick={() => a.run(r)}>
                          {a.label}
                        </Button>
                      </Tooltip>
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
