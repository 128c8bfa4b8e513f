import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyRing, PublishedKey } from './key-ring';
import { thumbprintKid } from './key-ring';

export interface KeyOptions {
  appEnv: 'production' | 'development';
  keysDir: string;
  privateKeyPem: string;
  privateKeyFile: string;
  keyId: string;
  previousPublicKeyPem: string;
  previousPublicKeyFile: string;
  previousKeyId: string;
}

/** A key that cannot be used; start.ts prints the message and exits. */
export class KeyConfigError extends Error {
  override readonly name = 'KeyConfigError';
}

// Env files often carry a PEM on one line with literal "\n".
const pemText = (value: string) => value.replace(/\\n/g, '\n');

function readConfigured(pem: string, file: string, what: string): string | undefined {
  if (pem) return pemText(pem);
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new KeyConfigError(`${what} file ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function checkRsa(key: KeyObject, source: string): void {
  const { modulusLength } = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType !== 'rsa' || (modulusLength ?? 0) < 2048) {
    throw new KeyConfigError(`${source} must be an RSA key of at least 2048 bits (RS256)`);
  }
}

function parsePrivate(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new KeyConfigError(`${source} is not a PEM private key`);
  }
  checkRsa(key, source);
  return key;
}

function parsePublic(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new KeyConfigError(`${source} is not a PEM public key`);
  }
  checkRsa(key, source);
  return key;
}

/**
 * Development only: the key pair in `dir/private.pem`, generated on first
 * start. `wx` makes a second process starting at the same moment read the
 * winner's key instead of overwriting it.
 */
function developmentPrivateKey(dir: string): string {
  const file = join(dir, 'private.pem');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8');
}

function previousKey(options: KeyOptions): PublishedKey[] {
  const configured = readConfigured(options.previousPublicKeyPem, options.previousPublicKeyFile, 'IDENTITY_PREVIOUS_PUBLIC_KEY_FILE');
  const inDir = join(options.keysDir, 'previous-public.pem');
  const pem = configured ?? (options.appEnv === 'development' && existsSync(inDir) ? readFileSync(inDir, 'utf8') : undefined);
  if (!pem) return [];
  const publicKey = parsePublic(pem, 'IDENTITY_PREVIOUS_PUBLIC_KEY_PEM');
  return [{ kid: options.previousKeyId || thumbprintKid(publicKey), publicKey }];
}

/**
 * The signing key from IDENTITY_PRIVATE_KEY_PEM or IDENTITY_PRIVATE_KEY_FILE;
 * in development, without one, a key generated once into IDENTITY_KEYS_DIR and
 * reused. In production a missing key is an error, never a fresh key: a new
 * key at each start would log everyone out and split a cluster's verifiers.
 */
export function loadKeyRing(options: KeyOptions): KeyRing {
  const configured = readConfigured(options.privateKeyPem, options.privateKeyFile, 'IDENTITY_PRIVATE_KEY_FILE');
  if (!configured && options.appEnv === 'production') {
    throw new KeyConfigError('APP_ENV=production needs the signing key: set IDENTITY_PRIVATE_KEY_PEM or IDENTITY_PRIVATE_KEY_FILE');
  }
  const source = options.privateKeyPem ? 'IDENTITY_PRIVATE_KEY_PEM' : options.privateKeyFile ? 'IDENTITY_PRIVATE_KEY_FILE' : `${options.keysDir}/private.pem`;
  const privateKey = parsePrivate(configured ?? developmentPrivateKey(options.keysDir), source);
  const publicKey = createPublicKey(privateKey);
  return { signing: { kid: options.keyId || thumbprintKid(publicKey), privateKey, publicKey }, previous: previousKey(options) };
}
