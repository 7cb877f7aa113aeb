import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SOURCES, canonicalHeaders } from '@shouwang/domain';
import { ApiError, BatchList, BatchSummary, RejectList, SourceList } from '@shouwang/contract';
import { requireUser } from '../accounts/authenticate.js';
import { authorize } from '../accounts/permissions.js';
import type { AppContext } from '../context.js';
import { FileRefusedError, NotFoundError, UnknownSourceError, ValidationError } from '../http/errors.js';
import { IntakeRepository } from './intake.repository.js';
import { presentBatch, presentReject } from './intake.presenter.js';

export const MAX_UPLOAD_MB = 200;

export function intakeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/intake/sources', { schema: { tags: ['intake'], response: { 200: SourceList } } }, async (request) => {
      authorize(requireUser(request), 'intake.read');
      return { items: SOURCES.map((s) => ({ id: s.id, department: s.department, name: s.name, columns: canonicalHeaders(s) })) };
    });

    /** Multipart upload: field `source` (before the file) and field `file` (CSV, UTF-8 or GBK). */
    app.post('/api/intake/batches', {
      schema: { tags: ['intake'], consumes: ['multipart/form-data'], response: { 200: BatchSummary, 400: ApiError, 422: ApiError } },
    }, async (request) => {
      const user = requireUser(request);
      authorize(user, 'intake.submit');
      let sourceId: string | undefined;
      let file: { name: string; bytes: Buffer } | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') throw ValidationError(`unexpected file field "${part.fieldname}"; send the file as "file"`);
          file = { name: part.filename, bytes: await part.toBuffer() };
        } else if (part.fieldname === 'source') {
          sourceId = String(part.value);
        }
      }
      if (!sourceId) throw ValidationError('choose the department feed: the form field "source" is missing', [{ field: 'source', message: 'required' }]);
      if (!file) throw ValidationError('no file was uploaded: send it as the form field "file"', [{ field: 'file', message: 'required' }]);
      const outcome = await ctx.intake.ingest({ sourceId, fileName: file.name, bytes: file.bytes, submittedBy: user.id });
      switch (outcome.status) {
        case 'unknown_source':
          throw UnknownSourceError(outcome.sourceId);
        case 'refused':
          throw FileRefusedError(outcome.batch.refusal ?? 'unreadable file', outcome.batch.id);
        case 'duplicate':
          return presentBatch(outcome.batch);
        case 'applied':
          for (const change of outcome.changes) ctx.hub.publish(change);
          return presentBatch(outcome.batch);
      }
    });

    app.get('/api/intake/batches', { schema: { tags: ['intake'], response: { 200: BatchList } } }, async (request) => {
      authorize(requireUser(request), 'intake.read');
      const rows = await new IntakeRepository(ctx.db.kysely).listBatches(100);
      return { items: rows.map(presentBatch) };
    });

    app.get('/api/intake/batches/:id/rejects', {
      schema: { tags: ['intake'], params: z.object({ id: z.string() }), response: { 200: RejectList, 404: ApiError } },
    }, async (request) => {
      authorize(requireUser(request), 'intake.read');
      const intake = new IntakeRepository(ctx.db.kysely);
      const batch = await intake.findBatch(request.params.id);
      if (!batch) throw NotFoundError('Batch');
      const rows = await intake.rejects(batch.id, 10_000);
      return { batchId: batch.id, items: rows.map((r) => presentReject(r, ctx.keys)) };
    });
  };
}
