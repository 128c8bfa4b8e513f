import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testNamespace } from '@hoanhap/testing';
import { findSpecs } from '../scripts/gen-openapi-types';

testNamespace(); // files only: no server is touched
const script = join(__dirname, '..', 'scripts', 'gen-openapi-types.ts');
const fixture = join(__dirname, '..', '..', 'kit', 'test', 'fixtures', 'openapi.yaml');
let root: string;
let out: string;

// The real CLI in a child process (openapi-typescript's dependencies are ESM, which jest cannot require).
function gen(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--root', root, '--out', out, ...args], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
function addDocument(dir: string) {
  mkdirSync(join(root, dir), { recursive: true });
  copyFileSync(fixture, join(root, dir, 'openapi.yaml'));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hoanhap-gen-test-'));
  out = join(root, 'generated');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('OpenAPI type generation (npm run gen / gen:check)', () => {
  it('when no service has an OpenAPI document yet, then gen writes only an empty index and check passes', () => {
    expect(gen().status).toBe(0);
    expect(readFileSync(join(out, 'index.ts'), 'utf8')).toContain('export {};');
    expect(gen('--check')).toMatchObject({ status: 0, output: expect.stringContaining('up to date (0 documents)') });
  });

  it('when services and the gateway have documents, then each gets typed paths and a namespace in the index', () => {
    addDocument('services/employers');
    addDocument('gateway');
    mkdirSync(join(root, 'services', 'no-document'));
    expect(findSpecs(root).map((s) => s.name)).toEqual(['employers', 'gateway']);

    expect(gen().status).toBe(0);
    const employers = readFileSync(join(out, 'employers.ts'), 'utf8');
    expect(employers).toContain('from services/employers/openapi.yaml');
    expect(employers).toMatch(/"\/jobs\/\{id\}"/);
    expect(employers).toMatch(/NewJob: \{[\s\S]*openings: number;/);
    expect(existsSync(join(out, 'gateway.ts'))).toBe(true);
    expect(readFileSync(join(out, 'index.ts'), 'utf8')).toContain("export type * as employers from './employers';");
  });

  it('when a document changed, a file is missing or one is orphaned, then check fails naming each file', () => {
    addDocument('services/employers');
    addDocument('services/colleges');
    expect(gen().status).toBe(0);
    expect(gen('--check').status).toBe(0);

    const yaml = join(root, 'services', 'employers', 'openapi.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('openings: { type: integer, minimum: 1 }', 'openings: { type: string }'));
    rmSync(join(out, 'colleges.ts'));
    writeFileSync(join(out, 'loans.ts'), '// left over\n');
    const check = gen('--check');
    expect(check.status).toBe(1);
    expect(check.output).toContain('employers.ts is stale');
    expect(check.output).toContain('colleges.ts is missing');
    expect(check.output).toContain('loans.ts has no OpenAPI document any more');
    expect(check.output).toContain('Run `npm run gen`');
  });
});
