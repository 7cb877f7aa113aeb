import { MEDICAL_SETTLEMENT } from '@shouwang/domain';
import { FeedSimulator, settlementsToCsv, type DemoCity } from '@shouwang/simulator';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';

const SEQUENCE_KEY = 'demo.feed.sequence';

/**
 * The demo's live department: every few seconds a small Medical Security Bureau delivery goes
 * through intake exactly like an uploaded file, so the screen moves. The settlement sequence
 * is saved so a restarted server continues instead of resending old numbers.
 */
export async function startLiveFeed(ctx: AppContext, city: DemoCity, log: FastifyBaseLogger): Promise<() => void> {
  const stored = await ctx.db.kysely.selectFrom('app_setting').select('value').where('key', '=', SEQUENCE_KEY).executeTakeFirst();
  const simulator = new FeedSimulator(city, ctx.config.demoSeed + 1, Number(stored?.value ?? 0));
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const now = ctx.clock.now();
      const rows = simulator.next(now);
      await ctx.deliveries.deliver({
        sourceId: MEDICAL_SETTLEMENT.id, fileName: `live-${now.toISOString()}.csv`, file: { bytes: settlementsToCsv(rows, { encoding: 'utf8' }) }, channel: 'feed', submittedBy: null,
      });
      const value = String(simulator.sequence);
      await ctx.db.kysely.insertInto('app_setting').values({ key: SEQUENCE_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    } catch (error) {
      log.error({ err: error }, 'live feed tick failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), ctx.config.feedIntervalMs);
  return () => clearInterval(timer);
}
