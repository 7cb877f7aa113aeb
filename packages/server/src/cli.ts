#!/usr/bin/env node
/**
 * `shouwang`: the command line for data stewards and operators, on the same configuration as
 * the server (SHOUWANG_DATA_DIR, DATABASE_URL, key variables).
 *
 *   shouwang ingest --source <id> <file> [--sheet <name>] [--corrects <batchId>] [--json]
 *   shouwang resume                     apply batches a stopped process left pending
 *   shouwang sources                    list the department feeds
 *   shouwang api-key --source <id> --name <name>   create an integration key (shown once)
 */
import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SOURCES, sourceById } from '@shouwang/domain';
import { ApiKeyService } from './accounts/api-key.service.js';
import { configFromEnv } from './config.js';
import { createContext, type AppContext } from './context.js';
import type { BatchRow } from './intake/intake.repository.js';

const USAGE = `usage:
  shouwang ingest --source <id> <file> [--sheet <name>] [--corrects <batchId>] [--json]
  shouwang resume
  shouwang sources
  shouwang api-key --source <id> --name <name>`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function summary(batch: BatchRow) {
  return {
    batchId: batch.id, source: batch.source_id, status: batch.status, encoding: batch.encoding, rows: batch.rows,
    accepted: batch.accepted, rejected: batch.rejected, unchanged: batch.unchanged, signals: batch.signals,
    duplicateOf: batch.duplicate_of, refusal: batch.refusal,
  };
}

async function ingest(ctx: AppContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    source: { type: 'string' }, sheet: { type: 'string' }, corrects: { type: 'string' }, json: { type: 'boolean', default: false },
  } });
  const file = positionals[0];
  if (!values.source || !file) fail(USAGE);
  if (!sourceById(values.source)) fail(`unknown source "${values.source}"; run \`shouwang sources\` for the list`);
  if (!existsSync(file)) fail(`no such file: ${file}`);
  const outcome = await ctx.deliveries.deliver({
    sourceId: values.source, fileName: basename(file), file: { path: file }, channel: 'cli', submittedBy: null,
    sheet: values.sheet, correctsBatchId: values.corrects,
  });
  switch (outcome.status) {
    case 'unknown_source': return fail(`unknown source "${outcome.sourceId}"`);
    case 'unknown_correction': return fail(`--corrects: there is no batch ${outcome.batchId}`);
    case 'busy':
      process.stderr.write(`batch ${outcome.batch.id} is being applied by another process (${outcome.batch.lease_owner ?? 'unknown'}); try again later\n`);
      return 3;
    case 'refused':
      if (values.json) process.stdout.write(`${JSON.stringify(summary(outcome.batch))}\n`);
      process.stderr.write(`refused, nothing applied: ${outcome.batch.refusal}\n`);
      return 1;
    case 'applied':
    case 'duplicate':
    case 'replayed': {
      const s = summary(outcome.batch);
      if (values.json) process.stdout.write(`${JSON.stringify(s)}\n`);
      else {
        const note = outcome.status === 'duplicate' ? ` (same file as batch ${outcome.original.id}: nothing changed)` : '';
        process.stdout.write(`batch ${s.batchId} ${s.status}${note}\naccepted ${s.accepted}  rejected ${s.rejected}  unchanged ${s.unchanged}  signals ${s.signals}  rows ${s.rows} (${s.encoding})\n`);
        if (s.rejected > 0) process.stdout.write(`rejected rows: GET /api/intake/batches/${s.batchId}/rejects.xlsx\n`);
      }
      return 0;
    }
  }
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const config = { ...configFromEnv(), demoPersons: 0, feedIntervalMs: 0, logLevel: process.env.LOG_LEVEL ?? 'warn' };
  const ctx = await createContext(config);
  try {
    switch (command) {
      case 'ingest':
        return await ingest(ctx, args);
      case 'resume': {
        const n = await ctx.deliveries.resumePending();
        process.stdout.write(`${n} pending batch(es) processed\n`);
        return 0;
      }
      case 'sources':
        for (const s of SOURCES) process.stdout.write(`${s.id.padEnd(34)} ${s.department}  ${s.name}\n`);
        return 0;
      case 'api-key': {
        const { values } = parseArgs({ args, options: { source: { type: 'string' }, name: { type: 'string' } } });
        if (!values.source || !values.name) fail(USAGE);
        if (!sourceById(values.source)) fail(`unknown source "${values.source}"`);
        const created = await new ApiKeyService(ctx.db.kysely).create(values.name, values.source);
        process.stdout.write(`API key for ${values.source} (shown once, keep it safe):\n${created.key}\n`);
        return 0;
      }
      default:
        return fail(`unknown command "${command}"\n${USAGE}`);
    }
  } finally {
    await ctx.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`shouwang: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
