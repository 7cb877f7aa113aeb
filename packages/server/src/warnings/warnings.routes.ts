import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, WarningDetail, WarningList, WarningListQuery, WarningStatusChange } from '@shouwang/contract';
import { requireUser } from '../accounts/authenticate.js';
import type { AppContext } from '../context.js';

const WarningParams = z.object({ id: z.string().min(1).max(64) });

export function warningRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/warnings', {
      schema: { tags: ['warnings'], querystring: WarningListQuery, response: { 200: WarningList, 401: ApiError } },
    }, async (request) => ctx.warnings.list(requireUser(request), request.query));

    app.get('/api/warnings/:id', {
      schema: { tags: ['warnings'], params: WarningParams, response: { 200: WarningDetail, 404: ApiError } },
    }, async (request) => ctx.warnings.detail(requireUser(request), request.params.id));

    app.post('/api/warnings/:id/status', {
      schema: { tags: ['warnings'], params: WarningParams, body: WarningStatusChange, response: { 200: WarningDetail, 404: ApiError } },
    }, async (request) => ctx.warnings.setStatus(requireUser(request), request.params.id, request.body.status));
  };
}
