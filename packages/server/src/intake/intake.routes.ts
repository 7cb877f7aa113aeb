import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SOURCES, canonicalHeaders, sourceById } from '@shouwang/domain';
import { ApiError, BatchList, BatchQuery, BatchSummary, RejectList, SourceList, SourceStatusList } from '@shouwang/contract';
import { ApiKeyService } from '../accounts/api-key.service.js';
import { requireUser } from '../accounts/authenticate.js';
import { authorize } from '../accounts/permissions.js';
import type { AppContext } from '../context.js';
import { AppError, FileRefusedError, NotFoundError, UnknownSourceError, ValidationError } from '../http/errors.js';
import type { DeliveryOutcome } from './delivery.service.js';
import { IntakeRepository } from './intake.repository.js';
import { presentBatch, presentReject } from './intake.presenter.js';
import { rejectsWorkbook } from './rejects-workbook.js';
import { sourceStatuses } from './source-status.js';

export const MAX_UPLOAD_MB = 200;
const BatchParams = z.object({ id: z.string().min(1).max(64) });

/** The HTTP answer for an outcome: applied, duplicate and replayed are 200; refusals 422. */
function answer(outcome: DeliveryOutcome): BatchSummary {
  switch (outcome.status) {
    case 'unknown_source': throw UnknownSourceError(outcome.sourceId);
    case 'unknown_correction': throw ValidationError(`there is no batch ${outcome.batchId} to correct`, [{ field: 'corrects', message: 'unknown batch' }]);
    case 'refused': throw FileRefusedError(outcome.batch.refusal ?? 'unreadable file', outcome.batch.id);
    case 'busy': throw new AppError(409, 'batch_busy', `Batch ${outcome.batch.id} is being applied by another process; check it again shortly.`);
    case 'applied':
    case 'duplicate':
    case 'replayed':
      return presentBatch(outcome.batch);
  }
}

export function intakeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tmpDir = join(ctx.config.dataDir, 'intake', 'tmp');

    app.get('/api/intake/sources', { schema: { tags: ['intake'], response: { 200: SourceList } } }, async (request) => {
      authorize(requireUser(request), 'intake.read');
      return { items: SOURCES.map((s) => ({ id: s.id, department: s.department, name: s.name, columns: canonicalHeaders(s), cadenceDays: s.cadenceDays })) };
    });

    app.get('/api/intake/sources/status', { schema: { tags: ['intake'], response: { 200: SourceStatusList } } }, async (request) => {
      authorize(requireUser(request), 'intake.read');
      return sourceStatuses(ctx.db, ctx.clock.now());
    });

    /**
     * Multipart upload: fields `source`, optional `sheet` and `corrects` (a batch whose rejects this
     * file fixes), then `file`. `?wait=false` answers 202 as soon as the file is received; poll
     * GET /api/intake/batches/:id for progress.
     */
    app.post('/api/intake/batches', {
      schema: {
        tags: ['intake'], consumes: ['multipart/form-data'], querystring: z.object({ wait: z.enum(['true', 'false']).default('true') }),
        response: { 200: BatchSummary, 202: BatchSummary, 400: ApiError, 422: ApiError },
      },
    }, async (request, reply) => {
      const user = requireUser(request);
      authorize(user, 'intake.submit');
      const fields: Record<string, string> = {};
      let file: { name: string; path: string } | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') throw ValidationError(`unexpected file field "${part.fieldname}"; send the file as "file"`);
          await mkdir(tmpDir, { recursive: true });
          const path = join(tmpDir, randomUUID());
          await pipeline(part.file, createWriteStream(path, { mode: 0o600 }));
          if (part.file.truncated) throw new AppError(413, 'file_too_large', `The file is larger than ${MAX_UPLOAD_MB} MB.`);
          file = { name: part.filename, path };
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
      const sourceId = fields.source;
      if (!sourceId) throw ValidationError('choose the department feed: the form field "source" is missing', [{ field: 'source', message: 'required' }]);
      if (!sourceById(sourceId)) throw UnknownSourceError(sourceId);
      if (!file) throw ValidationError('no file was uploaded: send it as the form field "file"', [{ field: 'file', message: 'required' }]);
      const delivery = {
        sourceId, fileName: file.name, file: { path: file.path, owned: true }, channel: 'upload' as const, submittedBy: user.id,
        sheet: fields.sheet || undefined, correctsBatchId: fields.corrects || undefined,
      };
      if (request.query.wait === 'false') {
        const receipt = await ctx.deliveries.receiver.receive(delivery);
        if (receipt.status !== 'received') return answer(receipt);
        ctx.deliveries.apply(receipt.batch.id).catch((error: unknown) => request.log.error({ err: error, batchId: receipt.batch.id }, 'batch failed'));
        return reply.status(202).send(presentBatch(receipt.batch));
      }
      return answer(await ctx.deliveries.deliver(delivery));
    });

    /**
     * Integrations: records as a JSON array or NDJSON, authenticated by the source's API key
     * (`Authorization: Bearer …`). An `Idempotency-Key` makes a retried request a no-op that
     * answers with the first request's batch.
     */
    app.post('/api/intake/sources/:sourceId/records', {
      schema: {
        tags: ['intake'], params: z.object({ sourceId: z.string() }),
        headers: z.object({ authorization: z.string().optional(), 'idempotency-key': z.string().max(200).optional() }),
        response: { 200: BatchSummary, 401: ApiError, 403: ApiError, 422: ApiError },
      },
    }, async (request) => {
      const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const principal = bearer ? await new ApiKeyService(ctx.db.kysely).authenticate(bearer) : undefined;
      if (!principal) throw new AppError(401, 'invalid_api_key', 'Send a valid API key as "Authorization: Bearer <key>".');
      if (!sourceById(request.params.sourceId)) throw UnknownSourceError(request.params.sourceId);
      if (principal.sourceId !== request.params.sourceId) {
        throw new AppError(403, 'authorization_error', `This API key may write only the source "${principal.sourceId}".`);
      }
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body ?? null));
      return answer(await ctx.deliveries.deliver({
        sourceId: principal.sourceId, fileName: `api-${principal.name}.json`, file: { bytes }, format: 'json', channel: 'api',
        submittedBy: null, idempotencyKey: request.headers['idempotency-key'],
      }));
    });

    app.get('/api/intake/batches', { schema: { tags: ['intake'], querystring: BatchQuery, response: { 200: BatchList } } }, async (request) => {
      authorize(requireUser(request), 'intake.read');
      const rows = await new IntakeRepository(ctx.db.kysely).listBatches(request.query.limit, request.query.source);
      return { items: rows.map(presentBatch) };
    });

    app.get('/api/intake/batches/:id', { schema: { tags: ['intake'], params: BatchParams, response: { 200: BatchSummary, 404: ApiError } } }, async (request) => {
      authorize(requireUser(request), 'intake.read');
      const batch = await new IntakeRepository(ctx.db.kysely).findBatch(request.params.id);
      if (!batch) throw NotFoundError('Batch');
      return presentBatch(batch);
    });

    app.get('/api/intake/batches/:id/rejects', { schema: { tags: ['intake'], params: BatchParams, response: { 200: RejectList, 404: ApiError } } }, async (request) => {
      authorize(requireUser(request), 'intake.read');
      const intake = new IntakeRepository(ctx.db.kysely);
      const batch = await intake.findBatch(request.params.id);
      if (!batch) throw NotFoundError('Batch');
      const rows = await intake.rejects(batch.id, 10_000);
      return { batchId: batch.id, items: rows.map((r) => presentReject(r, ctx.keys)) };
    });

    /** The rejected rows as an Excel file with a reason column, to fix and upload with `corrects`. */
    app.get('/api/intake/batches/:id/rejects.xlsx', { schema: { tags: ['intake'], params: BatchParams } }, async (request, reply) => {
      const user = requireUser(request);
      authorize(user, 'intake.read');
      const intake = new IntakeRepository(ctx.db.kysely);
      const batch = await intake.findBatch(request.params.id);
      if (!batch) throw NotFoundError('Batch');
      const rows = await intake.rejects(batch.id, 1_000_000);
      const source = sourceById(batch.source_id);
      const workbook = await rejectsWorkbook(rows, ctx.keys, source?.name ?? batch.source_id);
      const name = `rejects-${batch.source_id}-${batch.id.slice(0, 8)}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(workbook);
    });
  };
}
