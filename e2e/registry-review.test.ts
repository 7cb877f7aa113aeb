import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { canonicalHeaders, composeResidentId, sourceById } from '@shouwang/domain';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../packages/server/src/http/app.js';
import { createTestContext, type TestContext } from '../packages/server/test/context.js';
import { launchBrowser } from './browser.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';
const COMMUNITY = '320102002001';
const HEAD = composeResidentId('320102', '1966-04-04', 21, 'male');
const LATECOMER = composeResidentId('320102', '1971-08-08', 22, 'female');
const STRANGER = composeResidentId('320106', '1975-10-10', 23, 'male');
const MOTHER = composeResidentId('320102', '1940-02-02', 24, 'female');

/** A department file as the department sends it: the source's first header of each field, cells by field key. */
function departmentCsv(sourceId: string, rows: readonly Record<string, string>[]): Buffer {
  const source = sourceById(sourceId);
  if (!source) throw new Error(`no source ${sourceId}`);
  const lines = [canonicalHeaders(source).join(','), ...rows.map((r) => source.fields.map((f) => r[f.key] ?? '').join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

describe('the city admin reviews the database, its data-quality queue and its leads, in a real browser', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  const deliver = async (sourceId: string, rows: readonly Record<string, string>[]) => {
    const outcome = await ctx.deliveries.deliver({ sourceId, fileName: `${sourceId}.csv`, file: { bytes: departmentCsv(sourceId, rows) }, channel: 'upload', submittedBy: null });
    if (outcome.status !== 'applied') throw new Error(`${sourceId} was not applied: ${outcome.status}`);
    if (outcome.batch.rejected > 0) throw new Error(`${sourceId}: ${outcome.batch.rejected} rows rejected`);
  };

  async function signIn(width: number, username = 'admin'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: width < 500 ? 812 : 1000 } });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(`e2e-${username}`);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ctx = await createTestContext('sqlite');
    app = await buildApp({ ...ctx, config: { ...ctx.config, webDir: resolve('packages/web/dist') } }, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await ctx.accounts.createUser({ username: 'admin', displayName: '市级管理员', password: 'e2e-admin', role: 'city_admin', territoryCodes: ['3201'] });
    await ctx.accounts.createUser({ username: 'worker', displayName: '社工 王芳', password: 'e2e-worker', role: 'social_worker', territoryCodes: [COMMUNITY] });
    // A family in the household register, on the dibao roster; the head's mother has died.
    const member = { householdNo: 'HJ1', address: '南京市玄武区珠江路100号', communityCode: COMMUNITY, movedInOn: '2001-01-01', registrationStatus: '正常' };
    await deliver('household-registration', [
      { ...member, residentId: HEAD, name: '周文斌', relationToHead: '户主' },
      { ...member, residentId: MOTHER, name: '李秀英', relationToHead: '母亲' },
    ]);
    await deliver('death-record', [{ residentId: MOTHER, name: '李秀英', diedOn: '2026-11-02' }]);
    await deliver('dibao-roster', [{
      householdNo: 'DB-1', residentId: HEAD, name: '周文斌', relationToHead: '户主', members: '1', monthlyAllowanceFen: '1100.00', startedOn: '2025-03-01', status: '在保', communityCode: COMMUNITY,
    }]);
    // On the trade union's roster, but the household register has no such person: a data-quality issue.
    // (A feed that reports difficulty, such as unemployment, would make her a lead instead.)
    await deliver('worker-in-difficulty', [{ archiveNo: 'GH-7', residentId: LATECOMER, name: '吴晓梅', category: '相对困难', filedOn: '2026-10-10', communityCode: COMMUNITY }]);
    // 30,000 yuan out of pocket for someone the database does not hold: a lead.
    await deliver('medical-settlement', [{
      settlementNo: 'YB-9', residentId: STRANGER, name: '孙大伟', settledOn: '2026-11-20', visitType: '住院', totalFen: '90000.00', reimbursedFen: '60000.00', outOfPocketFen: '30000.00',
    }]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await ctx?.dispose();
  });

  it('sees the counts, dismisses the issue with a note, adds the lead to a community and lands on its household', async () => {
    const page = await signIn(1440);

    await page.getByTestId('nav-registry').click();
    await page.getByTestId('registry-groups').waitFor();
    expect(await page.getByTestId('registry-kpi-persons').textContent()).toContain('1');
    expect(await page.getByTestId('registry-kpi-issues').textContent()).toContain('1');
    expect(await page.getByTestId('registry-kpi-leads').textContent()).toContain('1');
    expect(await page.getByTestId('registry-programmes').textContent()).toContain('¥1,100.00');
    await page.locator('[data-testid="registry-group-row"][data-group-id="dibao"]').waitFor();
    await page.waitForTimeout(600); // the bar chart's entry animation
    await page.screenshot({ path: join(SHOTS, 'registry-overview.png'), fullPage: true });

    // Data quality: the roster person with no household; dismissed with a note.
    await page.getByTestId('registry-kpi-issues-link').click();
    const issue = page.getByTestId('issue-row').filter({ hasText: '吴晓梅' });
    await issue.waitFor();
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    expect(await page.getByTestId('issues-tab-roster_without_household').textContent()).toContain('1');
    expect(await issue.textContent()).toContain('户籍信息中查无此人');
    expect(await issue.textContent()).not.toContain(LATECOMER);
    await page.screenshot({ path: join(SHOTS, 'issues.png'), fullPage: true });
    await issue.click();
    const evidence = page.getByTestId('issue-evidence');
    await evidence.waitFor();
    expect(await evidence.textContent()).toContain('GH-7');
    expect(await evidence.textContent()).not.toContain('{');
    await page.waitForTimeout(400); // the drawer sliding in
    await page.screenshot({ path: join(SHOTS, 'issue-drawer.png') });
    // Re-matching needs the household first: the server says so, and the modal shows it.
    await page.getByTestId('issue-reapply').click();
    await page.getByTestId('note-input').fill('户籍已补录');
    await page.getByTestId('note-submit').click();
    await page.getByTestId('note-error').waitFor();
    expect(await page.getByTestId('note-error').textContent()).toContain('现在还不能重新匹配');
    expect(await page.getByTestId('note-error').textContent()).toContain('no household');
    await page.screenshot({ path: join(SHOTS, 'issue-reapply-409.png') });
    await page.getByTestId('note-modal').getByRole('button', { name: /取\s*消/ }).click();
    await page.getByTestId('note-modal').waitFor({ state: 'detached' });
    await page.getByTestId('issue-dismiss').click();
    await page.getByTestId('note-input').fill('已核实：外省户籍，不在本市登记');
    await page.getByTestId('note-submit').click();
    await issue.waitFor({ state: 'detached' });
    const closed = await ctx.db.kysely.selectFrom('data_quality_issue').select(['status', 'resolution_note']).execute();
    expect(closed).toEqual([{ status: 'dismissed', resolution_note: '已核实：外省户籍，不在本市登记' }]);

    // Leads: the stranger with the large bill; added to a community.
    await page.getByTestId('nav-leads').click();
    const lead = page.getByTestId('lead-row').filter({ hasText: '孙大伟' });
    await lead.waitFor();
    expect(await lead.textContent()).toContain('¥30,000.00');
    await lead.locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('lead-evidence').waitFor();
    await page.waitForTimeout(400); // the expand icon's animation
    await page.screenshot({ path: join(SHOTS, 'leads-1440.png'), fullPage: true });
    // The evidence links to its delivery: the batch's page, marking the row.
    await page.getByTestId('lead-evidence').getByTestId('source-row-link').first().click();
    const note = page.getByTestId('batch-row-note');
    await note.waitFor();
    expect(await note.textContent()).toContain('第 2 行');
    expect(await page.getByTestId('batch-page').textContent()).toContain('medical-settlement');
    expect(await page.getByTestId('intake-count-accepted').textContent()).toContain('1');
    await page.screenshot({ path: join(SHOTS, 'batch-page.png'), fullPage: true });
    await page.goBack();
    await lead.waitFor();
    await lead.getByTestId('lead-add').click();
    const modal = page.getByTestId('lead-add-modal');
    await modal.waitFor();
    // District → sub-district → community, found by typing its name.
    await modal.getByTestId('lead-community').click();
    await page.keyboard.type('梅园新村社区');
    await page.locator('.ant-select-tree-treenode').filter({ hasText: /^梅园新村社区$/ }).click();
    expect(await modal.getByTestId('lead-community').textContent()).toContain('玄武区 / 梅园新村街道 / 梅园新村社区');
    await modal.getByTestId('lead-address').fill('南京市玄武区长江路7号');
    await page.screenshot({ path: join(SHOTS, 'lead-add-modal.png') });
    await modal.getByTestId('lead-add-submit').click();
    await modal.getByTestId('lead-open-household').click();

    const profile = page.getByTestId('household-profile');
    await profile.waitFor();
    expect(await page.getByTestId('household-members').textContent()).toContain('孙大伟');
    await page.getByTestId('household-signals').getByText('医疗费用结算', { exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'lead-household.png'), fullPage: true });
    const added = await ctx.db.kysely.selectFrom('lead').select(['status']).execute();
    expect(added).toEqual([{ status: 'added' }]);

    // A link to a delivery that does not exist says so, and leads back to the intake monitor.
    await page.goto(`${base}/intake/batches/no-such-batch?row=3`);
    await page.getByText('没有找到批次 no-such-batch').waitFor();
    expect(await page.getByTestId('batch-row-note').count()).toBe(0);
    await page.getByTestId('batch-back').click();
    await page.waitForURL((url) => url.pathname === '/intake');
    await page.close();
  });

  it('keeps the leads usable on a phone, and shows a household’s groups and programmes', async () => {
    const page = await signIn(375);
    await page.goto(`${base}/registry/leads?status=closed`);
    const lead = page.getByTestId('lead-row').filter({ hasText: '孙大伟' });
    await lead.waitFor();
    await page.screenshot({ path: join(SHOTS, 'leads-375.png'), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);

    // In English: group and department names come in the reader's language.
    await page.evaluate(() => window.localStorage.setItem('shouwang.language', 'en'));
    await page.goto(`${base}/registry`);
    await page.getByTestId('registry-groups').waitFor();
    expect(await page.getByTestId('registry-groups').textContent()).toContain('Dibao recipients');
    expect(await page.getByTestId('registry-groups').textContent()).toContain('Civil Affairs Bureau');
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SHOTS, 'registry-375-en.png'), fullPage: true });
    await page.screenshot({ path: join(SHOTS, 'registry-375-en-top.png') });
    await page.evaluate(() => window.localStorage.setItem('shouwang.language', 'zh-CN'));

    // The family on the dibao roster: its group and programme, each with the record it came from.
    const family = await ctx.db.kysely.selectFrom('household').select('id').where('external_key', '=', 'HJ1').executeTakeFirstOrThrow();
    await page.goto(`${base}/households/${family.id}?reason=verification`);
    const groups = page.getByTestId('household-groups');
    await groups.locator('[data-group-id="dibao"]').waitFor();
    expect(await groups.textContent()).toContain('低保对象');
    const programmes = page.getByTestId('household-programmes');
    expect(await programmes.textContent()).toContain('¥1,100.00');
    expect(await programmes.textContent()).toContain('DB-1');
    // The mother who died stays in the list, marked.
    const deceased = page.locator('[data-testid="household-members"] [data-status="deceased"]');
    expect(await deceased.first().textContent()).toContain('李秀英');
    expect(await page.getByTestId('member-status').textContent()).toBe('已故');
    // …and is not counted among the household's people.
    const facts = await page.locator('.household-facts').textContent();
    expect(facts).toContain('1 人');
    expect(facts).not.toContain('2 人');
    await page.screenshot({ path: join(SHOTS, 'household-375.png'), fullPage: true });
    await groups.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'household-375-groups.png') });
    await page.close();
  });

  it('shows a social worker the database of her community, without the review queues', async () => {
    const page = await signIn(1440, 'worker');
    await page.getByTestId('nav-registry').click();
    await page.getByTestId('registry-groups').waitFor();
    expect(await page.getByTestId('registry-kpi-households').textContent()).toMatch(/\d/);
    expect(await page.getByTestId('registry-kpi-issues').count()).toBe(0);
    expect(await page.getByTestId('nav-issues').count()).toBe(0);
    expect(await page.getByTestId('nav-leads').count()).toBe(0);
    // The queues' pages send her home (the API answers 403 as well).
    await page.goto(`${base}/registry/leads`);
    await page.waitForURL((url) => url.pathname === '/');
    await page.close();
  });
});
