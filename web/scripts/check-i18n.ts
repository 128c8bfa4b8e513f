/**
 * Every UI string lives in src/i18n/vi.json and en.json. Fails when the two
 * files do not hold the same keys, or when a literal t('key') in src names a
 * key that neither holds. Dynamic keys (t(`status.${x}`)) are checked by
 * their fixed prefix only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
type Tree = { [key: string]: string | Tree };
const load = (lang: string) => JSON.parse(readFileSync(join(root, 'src/i18n', `${lang}.json`), 'utf8')) as Tree;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const vi = new Set(keys(load('vi')));
const en = new Set(keys(load('en')));
const problems: string[] = [];
for (const k of vi) if (!en.has(k)) problems.push(`en.json lacks ${k}`);
for (const k of en) if (!vi.has(k)) problems.push(`vi.json lacks ${k}`);

const prefixes = new Set([...vi].flatMap((k) => k.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.') + '.')));
for (const file of files(join(root, 'src'))) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
    if (!vi.has(match[1]!)) problems.push(`${file.slice(root.length + 1)}: t('${match[1]}') is in no language file`);
  }
  for (const match of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.-]+)\.\$\{/g)) {
    if (!prefixes.has(`${match[1]}.`)) problems.push(`${file.slice(root.length + 1)}: t(\`${match[1]}.\${…}\`) has no keys under ${match[1]}`);
  }
  for (const match of text.matchAll(/(?:label|requires): \['?[A-Z]*'?,?\s*'?([a-z]+\.[a-zA-Z]+)'/g)) {
    if (match[1]!.startsWith('menu.') && !vi.has(match[1]!)) problems.push(`${file.slice(root.length + 1)}: menu label ${match[1]} is in no language file`);
  }
}
for (const match of readFileSync(join(root, 'src/layout/role-menu.tsx'), 'utf8').matchAll(/label: '([^']+)'/g)) {
  if (!vi.has(match[1]!)) problems.push(`role-menu.tsx: ${match[1]} is in no language file`);
}

if (problems.length) {
  console.error(`i18n: ${problems.length} problem(s)\n${[...new Set(problems)].map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`i18n: ${vi.size} keys in vi and en, every t('…') found`);
