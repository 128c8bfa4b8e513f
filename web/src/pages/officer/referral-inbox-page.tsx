import { App, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi, type ReferralStatus } from '../../api/cases.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { useUser } from '../../auth/session-context';
import { ApiErrorAlert, useErrorMessage } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { usePaged } from '../../components/use-paged';
import { useAsync } from '../../format/use-async';
import { ReferralTable, type ReferralAction } from './referral-table';

const STATUSES: ReferralStatus[] = ['sent', 'seen', 'in-progress', 'succeeded', 'declined', 'withdrawn'];

/** The officer's inbox: referrals gone stale and referrals newly answered; and every referral by status. */
export default function ReferralInboxPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useCapabilities();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [view, setView] = useState<'inbox' | 'all'>('inbox');
  const [status, setStatus] = useState<ReferralStatus>();

  const list = usePaged(
    (cursor) => (view === 'inbox' ? casesApi.referralInbox({ limit: 50, cursor }) : casesApi.listReferrals({ status, limit: 50, cursor })),
    [view, status],
  );
  // names for the rows: one search of the province's files, not one read per referral
  const names = useAsync(
    () => casesApi.searchReturnees({ provinceCode: user.provinceCode, limit: 200 }).then((page) => new Map(page.items.map((r) => [r.id, r.fullName]))),
    [user.provinceCode],
  );

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      list.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const actions: ReferralAction[] = [
    ...(can('POST', '/api/cases/referrals/{id}/read')
      ? [{ label: t('referral.markRead'), show: (r: { newlyAnswered?: boolean }) => Boolean(r.newlyAnswered), run: (r: { id: string }) => void act(() => casesApi.markReferralRead(r.id), t('referral.marked')) }]
      : []),
    ...(can('POST', '/api/cases/referrals/{id}/withdraw')
      ? [{ label: t('referral.withdraw'), show: (r: { status: string }) => ['sent', 'seen', 'in-progress'].includes(r.status), run: (r: { id: string }) => void act(() => casesApi.withdrawReferral(r.id), t('referral.withdrawn')) }]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('referral.inboxTitle')} subtitle={t('referral.inboxSubtitle')} />
      <div className="filters">
        <Segmented
          aria-label={t('referral.view')}
          value={view}
          onChange={(v) => setView(v as 'inbox' | 'all')}
          options={[
            { value: 'inbox', label: t('referral.needsAttention') },
            { value: 'all', label: t('referral.all') },
          ]}
          style={{ flex: '0 0 auto', minWidth: 0 }}
        />
        {view === 'all' && (
          <Select<ReferralStatus>
            aria-label={t('fields.status')}
            placeholder={t('referral.anyStatus')}
            allowClear
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({ value: s, label: t(`referral.status.${s}`) }))}
          />
        )}
      </div>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <ReferralTable referrals={list.items} loading={list.loading} names={names.data ?? new Map()} actions={actions} />
    </>
  );
}
