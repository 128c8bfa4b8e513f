import { useCallback, useEffect, useState } from 'react';
import type { Notice } from './notification-sources';

/**
 * Which notices a user has read. Notices are not stored anywhere: the browser derives them from the services'
 * own lists (notification-sources.ts), so there is no server-side notice to flag. The read marks are kept in
 * this browser's localStorage under the user's id (another user of the same browser has their own), and shared
 * by that user's tabs. A mark is the notice's key and time, so a referral answered again is unread again.
 */
const STORAGE_PREFIX = 'hoanhap.notifications.read.';
/** Enough for every notice a user can see at once (each source lists at most 50 per kind), oldest dropped first. */
const KEPT = 500;

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

/** The user's read marks, and how to add to them; kept in step with the user's other tabs. */
export function useNoticeReads(userId: string) {
  const [marks, setMarks] = useState<ReadonlySet<string>>(() => new Set(load(userId)));

  useEffect(() => {
    setMarks(new Set(load(userId)));
    const onStorage = (event: StorageEvent) => {
      if (event.key === STORAGE_PREFIX + userId) setMarks(new Set(load(userId)));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [userId]);

  const markRead = useCallback(
    (notices: Pick<Notice, 'key' | 'at'>[]) => {
      const stored = load(userId);
      const known = new Set(stored);
      const added = notices.map(readMark).filter((m) => !known.has(m));
      if (added.length === 0) return;
      const next = [...stored, ...added];
      save(userId, next);
      setMarks(new Set(next));
    },
    [userId],
  );

  const isRead = useCallback((notice: Pick<Notice, 'key' | 'at'>) => marks.has(readMark(notice)), [marks]);
  return { isRead, markRead };
}
