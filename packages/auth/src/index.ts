export { ROLES, parseClaims, type AuthClaims, type Role } from './claims';
export { staticKeys, jwksKeys, type KeySource } from './key-sources';
export { createVerifier, type Verifier, type VerifierOptions } from './verifier';
export { cachedJwksVerifier, cachingVerifier, jwksVerifier, memoizedKeys } from './verifier-cache';
export { authenticate, authOf, bearerToken, requireRole, requireOrg } from './auth.middleware';
export { signAccessToken, type AccessTokenInput, type SignOptions, type SigningKey } from './signer';
export { createTestIssuer, type TestIssuer } from './testing/test-issuer';
