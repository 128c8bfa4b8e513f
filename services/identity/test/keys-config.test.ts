import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@hoanhap/kit';
import { loadIdentityConfig } from '../src/config';
import { jwksOf } from '../src/keys/key-ring';
import { KeyConfigError, loadKeyRing } from '../src/keys/load-keys';

const dir = mkdtempSync(join(tmpdir(), 'identity-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pem = (bits = 2048) => generateKeyPairSync('rsa', { modulusLength: bits }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const keysFrom = (env: NodeJS.ProcessEnv) => loadKeyRing(loadIdentityConfig({ IDENTITY_KEYS_DIR: join(dir, 'dev'), ...env }));

describe('signing keys', () => {
  it('when development starts without a configured key, then one is generated into the keys folder (0600) and reused next time', () => {
    const first = keysFrom({});
    const file = join(dir, 'dev', 'private.pem');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = keysFrom({});
    expect(second.signing.kid).toBe(first.signing.kid);
    expect(jwksOf(second).keys).toHaveLength(1);
  });

  it('when a previous public key lies beside it, then the JWKS publishes both (rotation)', () => {
    const previous = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const rotating = join(dir, 'rotating');
    keysFrom({ IDENTITY_KEYS_DIR: rotating });
    writeFileSync(join(rotating, 'previous-public.pem'), previous);
    expect(jwksOf(keysFrom({ IDENTITY_KEYS_DIR: rotating })).keys).toHaveLength(2);
  });

  it('when production has no key, then config refuses to load with one message naming both variables', () => {
    expect(() => loadIdentityConfig({ APP_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadIdentityConfig({ APP_ENV: 'production' })).toThrow(/IDENTITY_PRIVATE_KEY_PEM or IDENTITY_PRIVATE_KEY_FILE/);
  });

  it('when production has the key as an env value with escaped newlines, or as a file, then it is used with the configured kid', () => {
    const key = pem();
    const fromEnv = keysFrom({ APP_ENV: 'production', IDENTITY_PRIVATE_KEY_PEM: key.replace(/\n/g, '\\n'), IDENTITY_KEY_ID: 'prod-2026-01' });
    expect(fromEnv.signing.kid).toBe('prod-2026-01');
    const file = join(dir, 'prod.pem');
    writeFileSync(file, key);
    expect(keysFrom({ APP_ENV: 'production', IDENTITY_PRIVATE_KEY_FILE: file }).signing.publicKey.export({ format: 'jwk' }).n).toBe(
      fromEnv.signing.publicKey.export({ format: 'jwk' }).n,
    );
  });

  it('when the configured key is not a PEM, too small, or its file is missing, then a clear error that never shows the key', () => {
    expect(() => keysFrom({ IDENTITY_PRIVATE_KEY_PEM: 'secret-garbage' })).toThrow(new KeyConfigError('IDENTITY_PRIVATE_KEY_PEM is not a PEM private key'));
    expect(() => keysFrom({ IDENTITY_PRIVATE_KEY_PEM: pem(1024) })).toThrow(/at least 2048 bits/);
    expect(() => keysFrom({ IDENTITY_PRIVATE_KEY_FILE: join(dir, 'missing.pem') })).toThrow(/cannot be read: ENOENT/);
  });

  it('when production asks for the demo seed, then config refuses; without asking, seeding is off', () => {
    const key = readFileSync(join(dir, 'prod.pem'), 'utf8');
    expect(() => loadIdentityConfig({ APP_ENV: 'production', IDENTITY_PRIVATE_KEY_PEM: key, SEED_DEMO: 'true' })).toThrow(/never seeded/);
    expect(loadIdentityConfig({ APP_ENV: 'production', IDENTITY_PRIVATE_KEY_PEM: key }).seedDemo).toBe(false);
    expect(loadIdentityConfig({}).seedDemo).toBe(true);
  });
});
