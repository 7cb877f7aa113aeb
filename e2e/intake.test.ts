import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../packages/server/src/http/app.js';
import { createTestContext, type TestContext } from '../packages/server/test/context.js';
import { createHousehold, settlementCsv, type TestHousehold } from '../packages/server/test/factories.js';
import { launchBrowser } from './browser.js';

const SHOTS = resolve('test-results');

describe('the data steward uploads a department file in a real browser', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let family: TestHousehold;

  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    app = await buildApp({ ...ctx, config: { ...ctx.config, webDir: resolve('packages/web/dist') } }, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    family = await createHousehold(ctx, { communityCode: '320102002001', annualIncomeFen: 3_000_000 });
    await ctx.accounts.createUser({ username: 'steward', displayName: '数据管理员', password: 'e2e-steward', role: 'city_admin', territoryCodes: ['3201'] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await ctx?.dispose();
  });

  it('sees the rows applied and rejected, and can download the rejects as Excel', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sw-e2e-')), '医保结算-11月.csv');
    writeFileSync(file, settlementCsv([
      { no: 'U1', id: family.headResidentId, date: '2026-11-20', total: '100', reimbursed: '50', oop: '50' },
      { no: 'U2', id: family.headResidentId, date: '2026-02-30', total: '100', reimbursed: '50', oop: '50' },
    ]));
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('steward');
    await page.getByTestId('login-password').fill('e2e-steward');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${base}/intake`);
    await page.locator('[data-testid="intake-source-row"][data-source-id="medical-settlement"]').click();
    await page.getByTestId('intake-source-page').waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    const result = page.locator('[data-testid="intake-result"][data-status="applied"]');
    await result.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('intake-count-accepted').textContent()).toContain('1');
    expect(await page.getByTestId('intake-count-rejected').textContent()).toContain('1');
    await page.getByTestId('intake-show-rejects').click();
    const reject = page.getByTestId('reject-row').first();
    await reject.waitFor();
    expect(await reject.textContent()).toContain('2026-02-30');
    const download = page.waitForEvent('download');
    await page.getByTestId('intake-rejects-download').click();
    const saved = await (await download).path();
    expect(saved).toBeTruthy();
    await page.screenshot({ path: join(SHOTS, 'intake-rejects.png') });
    await page.close();
  });
});
