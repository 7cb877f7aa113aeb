import { configFromEnv } from './config.js';
import { createContext } from './context.js';
import { bootstrapDemo, DEMO_PASSWORD } from './demo/bootstrap.js';
import { demoCity } from './demo/demo-city.js';
import { startLiveFeed } from './demo/live-feed.js';
import { buildApp } from './http/app.js';

/** `npm start`: one process with the API, the web app, and (by default) the demo city and its live feed. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = configFromEnv();
  const ctx = await createContext(config);
  const app = await buildApp(ctx);
  // Deliveries a stopped process left half-applied continue from their last checkpoint.
  const resumed = ctx.deliveries.resumePending().then((n) => { if (n > 0) app.log.info(`${n} pending batch(es) resumed`); });
  let stopFeed: (() => void) | undefined;
  if (config.demoPersons > 0) {
    const report = await bootstrapDemo(ctx, app.log);
    if (report.loaded) {
      app.log.info(`demo city: ${report.households} households, ${report.persons} persons from ${report.files} department files (${report.fileRows} rows) loaded through intake in ${report.loadSeconds.toFixed(1)} s; ${report.backfillRows} medical settlements imported at ${report.backfillRowsPerSecond} rows/s`);
    }
    if (config.feedIntervalMs > 0) {
      stopFeed = await startLiveFeed(ctx, demoCity(config.demoSeed, config.demoPersons, ctx.clock.today()), app.log);
    }
    await app.listen({ port: config.port, host: config.host });
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
    const lines = [
      '',
      `  守望 Shouwang is running at ${url}  (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      `  database: ${ctx.db.dialect === 'sqlite' ? `${config.dataDir}/shouwang.sqlite` : 'PostgreSQL'}`,
      `  demo accounts (password "${DEMO_PASSWORD}"):`,
      ...report.accounts.map((a) => `    ${a.username.padEnd(8)} ${a.role.padEnd(14)} ${a.scope}`),
      `  large screen: ${url}/screen   API docs: ${url}/api/docs`,
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } else {
    await app.listen({ port: config.port, host: config.host });
  }

  resumed.catch((error: unknown) => app.log.error({ err: error }, 'resuming pending batches failed'));
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    stopFeed?.();
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Shouwang could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
