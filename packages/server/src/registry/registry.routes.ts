import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, HouseholdProvenance } from '@shouwang/contract';
import { requireUser } from '../accounts/authenticate.js';
import type { AppContext } from '../context.js';
import { ProvenanceService } from './provenance.service.js';

export function registryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const provenance = new ProvenanceService(ctx.db);
  return async (app) => {
    app.get('/api/households/:id/provenance', {
      schema: { tags: ['registry'], params: z.object({ id: z.string().min(1).max(64) }), response: { 200: HouseholdProvenance, 404: ApiError } },
    }, async (request) => provenance.forHousehold(requireUser(request), request.params.id));
  };
}
