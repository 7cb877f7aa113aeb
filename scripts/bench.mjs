// `npm run bench -- <name> [options]`: builds, then runs packages/server/dist/bench/<name>.js.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error('usage: npm run bench -- <name> [options]   (names: intake, csv-import, search, registry)');
  process.exit(2);
}
const build = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-b'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const script = join(root, 'packages', 'server', 'dist', 'bench', `${name}.js`);
if (!existsSync(script)) {
  console.error(`no benchmark named "${name}"`);
  process.exit(2);
}
// Large benchmarks (millions of generated people) need more than the default heap.
const run = spawnSync(process.execPath, ['--max-old-space-size=12288', script, ...args], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
