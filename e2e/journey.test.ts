import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../packages/server/src/http/app.js';
import { createTestContext, type TestContext } from '../packages/server/test/context.js';
import { createHousehold, settlementCsv, type TestHousehold } from '../packages/server/test/factories.js';
import { launchBrowser } from './browser.js';

const COMMUNITY = '320102002001';
const SHOTS = resolve('test-results');

describe('the social worker and the large screen, in a real browser', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let family: TestHousehold;
  let neighbour: TestHousehold;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ctx = await createTestContext('sqlite');
    app = await buildApp({ ...ctx, config: { ...ctx.config, webDir: resolve('packages/web/dist') } }, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    family = await createHousehold(ctx, { communityCode: COMMUNITY, annualIncomeFen: 3_000_000, headName: '陈桂兰', members: 3 });
    neighbour = await createHousehold(ctx, { communityCode: COMMUNITY, annualIncomeFen: 2_400_000, headName: '周志强' });
    await ctx.accounts.createUser({ username: 'worker', displayName: '社工 王芳', password: 'e2e-worker', role: 'social_worker', territoryCodes: [COMMUNITY] });
    await ctx.accounts.createUser({ username: 'admin', displayName: '管理员', password: 'e2e-admin', role: 'city_admin', territoryCodes: ['3201'] });
    await ctx.deliveries.deliver({
      sourceId: 'medical-settlement', fileName: 'first.csv', submittedBy: null, channel: 'upload',
      file: { bytes: Buffer.from(settlementCsv([{ no: 'E1', id: family.headResidentId, name: '陈桂兰', date: '2026-11-18', total: '62000', reimbursed: '40000', oop: '22000' }])) },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await ctx?.dispose();
  });

  it('logs in as the worker, opens the warning from the worklist and reads why it was raised', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('worker');
    await page.getByTestId('login-password').fill('e2e-worker');
    await page.getByTestId('login-submit').click();
    const row = page.getByTestId('warning-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('陈桂兰');
    await page.screenshot({ path: join(SHOTS, 'worklist.png') });
    await row.click();
    const explanation = page.getByTestId('warning-explanation');
    await explanation.waitFor();
    expect(await page.getByTestId('explanation-condition').count()).toBeGreaterThanOrEqual(2);
    expect(await explanation.textContent()).toMatch(/22,000\.00/);
    // Where the fact came from: the delivered file and its row.
    await page.getByTestId('warning-provenance').getByText('first.csv').waitFor();
    await page.screenshot({ path: join(SHOTS, 'warning-detail.png'), fullPage: true });
    await page.close();
  });

  it('finds a family by pinyin initials and opens its profile, saying why', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('worker');
    await page.getByTestId('login-password').fill('e2e-worker');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${base}/search`);
    await page.getByTestId('search-input').fill('cgl');
    await page.getByTestId('search-input').press('Enter');
    const hit = page.getByTestId('search-result').filter({ hasText: '陈桂兰' });
    await hit.first().click();
    await page.getByTestId('read-reason-modal').waitFor();
    // Choose once the modal has finished zooming in: a click during the animation can miss.
    await page.getByTestId('read-reason-modal').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    await page.getByRole('radio', { name: '入户走访' }).check();
    await page.getByTestId('read-reason-confirm').click();
    const members = page.getByTestId('household-members');
    await members.waitFor();
    expect(await members.textContent()).toContain('陈桂兰');
    await page.getByTestId('household-warnings').waitFor();
    await page.screenshot({ path: join(SHOTS, 'household-profile.png'), fullPage: true });
    const audit = await ctx.db.kysely.selectFrom('audit_log').select(['detail']).where('action', '=', 'household.read').execute();
    expect(audit.map((a) => a.detail)).toContain(JSON.stringify({ via: 'profile', reason: 'home_visit' }));
    await page.close();
  });

  it('shows a new warning on the large screen as soon as it is raised, with the name masked', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('e2e-admin');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${base}/screen`);
    await page.locator('[data-testid="screen-live"][data-state="live"]').waitFor();
    const before = await page.getByTestId('screen-warning').count();

    // Delivered like any department file: the warning reaches the screen through the live hub.
    const outcome = await ctx.deliveries.deliver({
      sourceId: 'medical-settlement', fileName: 'second.csv', submittedBy: null, channel: 'upload',
      file: { bytes: Buffer.from(settlementCsv([{ no: 'E2', id: neighbour.headResidentId, name: '周志强', date: '2026-11-30', total: '50000', reimbursed: '30000', oop: '20000' }])) },
    });
    if (outcome.status !== 'applied') throw new Error('import failed');

    const item = page.getByTestId('screen-warning').filter({ hasText: '周**' });
    await item.first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('screen-warning').count()).toBe(before + 1);
    expect(await page.content()).not.toContain('周志强');
    await page.screenshot({ path: join(SHOTS, 'screen.png') });
    await context.close();
  });
});
