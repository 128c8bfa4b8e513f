import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralKind } from '../api/cases.api';
import { collegesApi } from '../api/colleges.api';
import { employersApi } from '../api/employers.api';
import { useCapabilities } from '../auth/capabilities-context';

// One lookup per target per page load, shared by every row that names it.
const titles = new Map<string, Promise<string | null>>();

function lookup(kind: ReferralKind, id: string, can: (m: string, p: string) => boolean): Promise<string | null> {
  const key = `${kind}:${id}`;
  let found = titles.get(key);
  if (!found) {
    if (kind === 'job' && can('GET', '/api/employers/jobs/{jobId}')) {
      found = employersApi.getJob(id).then(
        (job) => `${job.title}${job.employerName ? ` — ${job.employerName}` : ''}`,
        () => null,
      );
    } else if (kind === 'course' && can('GET', '/api/colleges/cohorts/{id}')) {
      found = cohortTitle(id);
    } else {
      found = Promise.resolve(null);
    }
    titles.set(key, found);
  }
  return found;
}

async function cohortTitle(cohortId: string): Promise<string | null> {
  try {
    return (await collegesApi.getCohort(cohortId)).title;
  } catch {
    return null;
  }
}

/** "Thợ hàn — Công ty X" for a referral's target, or its kind and short id when the title cannot be read. */
export function TargetLabel({ kind, id }: { kind: ReferralKind; id: string }) {
  const { t } = useTranslation();
  const { can } = useCapabilities();
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void lookup(kind, id, can).then((found) => live && setTitle(found));
    return () => {
      live = false;
    };
  }, [kind, id, can]);
  return (
    <span>
      <span className="muted">{t(`referral.kind.${kind}`)}: </span>
      {title ?? `#${id.slice(0, 8)}`}
    </span>
  );
}
