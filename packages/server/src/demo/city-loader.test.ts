import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cityFiles, generateCity, type CityFiles } from '@shouwang/simulator';
import { DIALECTS } from '../../test/databases.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { registryCensus } from '../registry/census.js';
import { loadCityFiles } from './city-loader.js';

describe.each(DIALECTS)('a generated city loaded through intake on %s', (dialect) => {
  let ctx: TestContext;
  let dir: string;
  let generated: CityFiles;

  beforeEach(async () => {
    ctx = await createTestContext(dialect);
    dir = mkdtempSync(join(tmpdir(), 'sw-city-'));
    const today = ctx.clock.today();
    generated = await cityFiles(generateCity({ seed: 11, persons: 3_000, today }), { dir, today });
  });
  afterEach(async () => {
    await ctx.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds every count that was generated, and queues the conflicts and leads the files carry', async () => {
    const { files, expected } = generated;
    const deaths = files.filter((f) => f.sourceId === 'death-record');
    const loads = await loadCityFiles(ctx, files.filter((f) => f.sourceId !== 'death-record'));
    // Every file applied, with exactly its spoiled rows rejected.
    expect(loads.map((l) => [l.sourceId, l.rows, l.rejected])).toEqual(files.filter((f) => f.sourceId !== 'death-record' && f.rows > 0).map((f) => [f.sourceId, f.rows, f.badRows]));

    const census = await registryCensus(ctx.db, '3201', ctx.clock.today());
    expect({ persons: census.persons, households: census.households }).toEqual({ persons: expected.persons, households: expected.households });
    expect(census.groups).toEqual(Object.fromEntries(Object.entries(expected.groups).filter(([, n]) => n > 0)));
    for (const programme of ['dibao', 'marginal', 'special_hardship'] as const) {
      const want = expected.programmes[programme];
      expect(census.programmes[programme], programme).toEqual({ households: want.households, persons: want.persons, amountFen: want.monthlyAmountFen });
    }
    const aid = expected.programmes.temporary_assistance;
    expect(census.programmes.temporary_assistance).toEqual({ households: aid.households, persons: aid.persons, amountFen: aid.totalAmountFen });
    expect(census.leads).toBe(expected.leads);
    expect(census.conflicts).toEqual({ id_in_two_households: expected.conflicts.id_in_two_households, roster_without_household: expected.conflicts.roster_without_household });

    // Last, the funeral administration's deaths: the persons are marked, enrolled ones queued for a steward.
    await loadCityFiles(ctx, deaths);
    const after = await registryCensus(ctx.db, '3201', ctx.clock.today());
    expect(after.conflicts).toEqual(expected.conflicts);
    expect(after.persons).toBe(expected.persons - expected.deaths);
  });
});
