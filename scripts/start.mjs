// `npm start`: builds what is out of date (TypeScript incrementally, the web app when its
// sources changed), then runs the server in this process's place.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

if (!existsSync(bin('tsc'))) {
  console.error('Dependencies are missing: run `npm install` first.');
  process.exit(1);
}

function run(command, args, label) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${label} failed; see the messages above.`);
    process.exit(result.status ?? 1);
  }
  return Date.now() - started;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

run(bin('tsc'), ['-b'], 'TypeScript build');
// The command line is built now: make it executable for `npx shouwang`.
chmodSync(join(root, 'packages', 'server', 'dist', 'cli.js'), 0o755);
const webIndex = join(root, 'packages', 'web', 'dist', 'index.html');
const webSources = Math.max(newestMtime(join(root, 'packages', 'web')), newestMtime(join(root, 'packages', 'contract', 'src')));
if (!existsSync(webIndex) || statSync(webIndex).mtimeMs < webSources) {
  console.log('Building the web app…');
  run(bin('vite'), ['build', 'packages/web', '--logLevel', 'warn'], 'Web build');
}

const server = spawn(process.execPath, [join(root, 'packages', 'server', 'dist', 'main.js')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
