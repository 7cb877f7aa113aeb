import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityFiles, generateCity } from '@shouwang/simulator';

/** A port nobody is listening on right now. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let PORT = 0;
let base = '';

async function waitForHealth(child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${output()}`);
}

/** What `npm start` runs, on a fresh data folder: a demo city, the backfill and the live feed. */
describe('the built server on a fresh data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sw-start-'));
  let child: ChildProcess;
  let log = '';

  beforeAll(async () => {
    PORT = await freePort();
    base = `http://127.0.0.1:${PORT}`;
    child = spawn(process.execPath, [resolve('packages/server/dist/main.js')], {
      env: { ...process.env, PORT: String(PORT), SHOUWANG_DATA_DIR: dataDir, SHOUWANG_DEMO_PERSONS: '3000', SHOUWANG_FEED_INTERVAL_MS: '300', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => { log += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { log += d.toString(); });
    await waitForHealth(child, () => log, 60_000);
  });

  afterAll(async () => {
    child?.kill('SIGTERM');
    await new Promise((r) => child?.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers health, prints the URL and the demo accounts, and serves the web app', async () => {
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok' });
    expect(log).toContain(`http://127.0.0.1:${PORT}`);
    expect(log).toMatch(/worker\s+social_worker/);
    const page = await fetch(`${base}/warnings`);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('has loaded the demo city and keeps importing the live feed', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'shouwang-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const summary = async () => (await fetch(`${base}/api/screen/summary`, { headers: { cookie } })).json() as Promise<{ kpis: { persons: number; signalsToday: number } }>;
    const first = await summary();
    // The generated city's files, loaded through intake: its people, less those the death record reports.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const filesDir = mkdtempSync(join(tmpdir(), 'sw-start-files-'));
    const { expected } = await cityFiles(generateCity({ seed: 3201, persons: 3000, today }), { dir: filesDir, today });
    rmSync(filesDir, { recursive: true, force: true });
    expect(expected.persons).toBe(3000);
    expect(first.kpis.persons).toBe(expected.persons - expected.deaths);
    const batches = async () => ((await (await fetch(`${base}/api/intake/batches`, { headers: { cookie } })).json()) as { items: unknown[] }).items.length;
    const before = await batches();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await batches()).toBeGreaterThan(before);
    expect((await summary()).kpis.signalsToday).toBeGreaterThan(first.kpis.signalsToday);
  });
});
