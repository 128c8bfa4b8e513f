import { useCallback, useEffect, useRef, useState } from 'react';
import { identityApi } from '../api/identity.api';
import type { Notice } from './notification-sources';

/**
 * Which notices a user has read. Notices are not stored anywhere: the browser derives them from the services'
 * own lists (notification-sources.ts). The read marks are the user's, kept by identity
 * (`/auth/me/notice-reads`), so a notice read on the office computer is read on the phone too. This browser
 * keeps a copy in localStorage under the user's id: the bell shows at once, the user's tabs stay in step, and a
 * mark made while identity could not be reached is sent with the next sync. A mark is the notice's key and time,
 * so a referral answered again is unread again.
 */
const STORAGE_PREFIX = 'hoanhap.notifications.read.';
/** Enough for every notice a user can see at once (each source lists at most 50 per kind), oldest dropped first. */
const KEPT = 500;
/** identity takes at most this many marks per call. */
const PER_CALL = 200;

export const readMark = (notice: Pick<Notice, 'key' | 'at'>) => `${notice.key}@${notice.at}`;

function load(userId: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_PREFIX + userId) ?? '[]');
    return Array.isArray(stored) ? stored.filter((m): m is string => typeof m === 'string') : [];
  } catch {
    return [];
  }
}

function save(userId: string, marks: string[]): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + userId, JSON.stringify(marks.slice(-KEPT)));
  } catch {
    // storage full or disabled (private mode): the marks last as long as the page
  }
}

/** Sends marks to identity in calls it accepts; false when one failed (they stay in localStorage for the next sync). */
async function send(marks: string[]): Promise<boolean> {
  try {
    for (let i = 0; i < marks.length; i += PER_CALL) await identityApi.markNoticesRead(marks.slice(i, i + PER_CALL));
    return true;
  } catch {
    return false;
  }
}

/** The user's read marks, how to add to them, and `sync` (fetch what other devices marked; send what identity lacks). */
export function useNoticeReads(userId: string) {
  const [marks, setMarks] = useState<ReadonlySet<string>>(() => new Set(load(userId)));
  const syncing = useRef<Promise<void> | undefined>(undefined);

  const remember = useCallback(
    (added: string[]) => {
      const stored = load(userId);
      const known = new Set(stored);
      const fresh = added.filter((m) => !known.has(m));
      if (fresh.length === 0) return;
      const next = [...stored, ...fresh];
      save(userId, next);
      setMarks(new Set(next));
    },
    [userId],
  );

  const sync = useCallback(() => {
    syncing.current ??= (async () => {
      try {
        const server = new Set((await identityApi.noticeReads()).marks);
        const local = load(userId);
        const missing = local.filter((m) => !server.has(m));
        if (missing.length > 0) await send(missing);
        remember([...server]);
      } catch {
        // identity unreachable: this browser's marks serve until the next sync
      } finally {
        syncing.current = undefined;
      }
    })();
    return syncing.current;
  }, [userId, remember]);

  useEffect(() => {
    setMarks(new Set(load(userId)));
    void sync();
    const onStorage = (event: StorageEvent) => {
      if (event.key === STORAGE_PREFIX + userId) setMarks(new Set(load(userId)));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [userId, sync]);

  const markRead = useCallback(
    (notices: Pick<Notice, 'key' | 'at'>[]) => {
      const added = notices.map(readMark).filter((m) => !marks.has(m));
      if (added.length === 0) return;
      remember(added);
      void send(added);
    },
    [marks, remember],
  );

  const isRead = useCallback((notice: Pick<Notice, 'key' | 'at'>) => marks.has(readMark(notice)), [marks]);
  return { isRead, markRead, sync };
}
