/**
 * Where the tokens live: the access token in memory only; the refresh token in
 * sessionStorage so a reload of the tab keeps the session but closing the tab
 * ends it (refresh tokens are single use and rotated on every refresh).
 */
const REFRESH_KEY = 'hoanhap.refreshToken';
let access: string | null = null;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export const tokenStore = {
  accessToken: (): string | null => access,
  refreshToken: (): string | null => storage()?.getItem(REFRESH_KEY) ?? null,
  save(accessToken: string, refreshToken: string): void {
    access = accessToken;
    storage()?.setItem(REFRESH_KEY, refreshToken);
  },
  clear(): void {
    access = null;
    storage()?.removeItem(REFRESH_KEY);
  },
};
