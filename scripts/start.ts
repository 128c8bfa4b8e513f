/**
 * npm start: the infrastructure is already up (the npm script runs infra up
 * first); this prints where everything is. Services join here as they land.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');
execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'infra/src/cli.ts'), 'status'], { stdio: 'inherit' });
console.log('\nHòa Nhập: hạ tầng đã sẵn sàng / the infrastructure is up. Stop it with `npm run infra:down`.');
