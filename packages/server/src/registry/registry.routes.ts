import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, HouseholdProfile, HouseholdProfileQuery, HouseholdProvenance, PersonSearchQuery, PersonSearchResult } from '@shouwang/contract';
import { requireUser } from '../accounts/authenticate.js';
import type { AppContext } from '../context.js';
import { HouseholdProfileService } from './household-profile.service.js';
import { PersonSearchService } from './person-search.service.js';
import { ProvenanceService } from './provenance.service.js';

const HouseholdParams = z.object({ id: z.string().min(1).max(64) });

export function registryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const today = () => ctx.clock.today();
  const provenance = new ProvenanceService(ctx.db);
  const search = new PersonSearchService(ctx.db, ctx.territory, ctx.keys, today);
  const profiles = new HouseholdProfileService(ctx.db, ctx.territory, ctx.keys, today);
  return async (app) => {
    app.get('/api/persons/search', {
      schema: { tags: ['registry'], querystring: PersonSearchQuery, response: { 200: PersonSearchResult, 400: ApiError } },
    }, async (request) => search.search(requireUser(request), request.query.q, request.query.limit));

    /** The full record of a household; `reason` (why it is opened) is required and audited. */
    app.get('/api/households/:id', {
      schema: { tags: ['registry'], params: HouseholdParams, querystring: HouseholdProfileQuery, response: { 200: HouseholdProfile, 400: ApiError, 404: ApiError } },
    }, async (request) => profiles.profile(requireUser(request), request.params.id, request.query.reason));

    app.get('/api/households/:id/provenance', {
      schema: { tags: ['registry'], params: HouseholdParams, response: { 200: HouseholdProvenance, 404: ApiError } },
    }, async (request) => provenance.forHousehold(requireUser(request), request.params.id));
  };
}
