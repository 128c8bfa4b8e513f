import type { IdempotencyCache } from '@hoanhap/kit';
import type { LoginAttemptRepository } from '../store/login-attempt.repository';
import type { NoticeReadsRepository } from '../store/notice-reads.repository';
import type { OrganisationRepository } from '../store/organisation.repository';
import type { RefreshTokenRepository } from '../store/refresh-token.repository';
import type { UserRepository } from '../store/user.repository';
import type { AccessTokenSigner } from './session-tokens';

export interface IdentitySettings {
  accessTokenTtlSec: number;
  /** A session's (a refresh-token family's) absolute lifetime. */
  refreshTokenTtlSec: number;
  maxLoginFailures: number;
  lockoutSec: number;
}

/** What the use cases work with; built once in app.ts, swapped in tests through createIdentityApp's deps. */
export interface IdentityContext {
  organisations: OrganisationRepository;
  users: UserRepository;
  refreshTokens: RefreshTokenRepository;
  loginAttempts: LoginAttemptRepository;
  noticeReads: NoticeReadsRepository;
  signAccessToken: AccessTokenSigner;
  settings: IdentitySettings;
  idempotencyCache?: IdempotencyCache;
}
