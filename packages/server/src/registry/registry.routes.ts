import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiError, DataQualityIssue, DataQualityList, HouseholdProfile, HouseholdProfileQuery, HouseholdProvenance, Lead, LeadList, PersonSearchQuery, PersonSearchResult,
  QueueQuery, RegistryOverview, ResolveIssueBody, ReviewLeadBody,
} from '@shouwang/contract';
import { requireUser } from '../accounts/authenticate.js';
import type { AppContext } from '../context.js';
import { HouseholdProfileService } from './household-profile.service.js';
import { PersonSearchService } from './person-search.service.js';
import { ProvenanceService } from './provenance.service.js';
import { RegistryReviewService } from './registry-review.service.js';

const HouseholdParams = z.object({ id: z.string().min(1).max(64) });
const IdParams = z.object({ id: z.string().min(1).max(64) });

export function registryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const today = () => ctx.clock.today();
  const provenance = new ProvenanceService(ctx.db);
  const search = new PersonSearchService(ctx.db, ctx.territory, ctx.keys, today);
  const profiles = new HouseholdProfileService(ctx.db, ctx.territory, ctx.keys, today);
  const review = new RegistryReviewService(ctx.db, ctx.keys, ctx.territory, ctx.clock, () => ctx.deliveries.drain());
  return async (app) => {
    app.get('/api/registry/overview', {
      schema: { tags: ['registry'], response: { 200: RegistryOverview } },
    }, async (request) => review.overview(requireUser(request)));

    /** Conflicts between feeds, for a data steward to resolve. */
    app.get('/api/registry/issues', {
      schema: { tags: ['registry'], querystring: QueueQuery, response: { 200: DataQualityList } },
    }, async (request) => review.issues(requireUser(request), request.query));

    app.post('/api/registry/issues/:id/resolve', {
      schema: { tags: ['registry'], params: IdParams, body: ResolveIssueBody, response: { 200: DataQualityIssue, 400: ApiError, 404: ApiError, 409: ApiError } },
    }, async (request) => review.resolveIssue(requireUser(request), request.params.id, request.body));

    /** Potentially in difficulty, not covered. */
    app.get('/api/registry/leads', {
      schema: { tags: ['registry'], querystring: QueueQuery, response: { 200: LeadList } },
    }, async (request) => review.leads(requireUser(request), request.query));

    app.post('/api/registry/leads/:id/review', {
      schema: { tags: ['registry'], params: IdParams, body: ReviewLeadBody, response: { 200: Lead, 400: ApiError, 404: ApiError, 409: ApiError } },
    }, async (request) => review.reviewLead(requireUser(request), request.params.id, request.body));

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
