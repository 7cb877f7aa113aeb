import { DataQualityIssue, DataQualityList, Lead, LeadList, RegistryOverview, type ResolveIssueBody, type ReviewLeadBody } from '@shouwang/contract';
import { request, withQuery } from '../api/client';

export type QueueStatus = 'open' | 'closed';

export interface QueuePage {
  status: QueueStatus;
  offset: number;
  limit: number;
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** The database at a glance, inside the caller's territory; the queue counts are 0 for social workers. */
export function fetchOverview(signal?: AbortSignal): Promise<RegistryOverview> {
  return request('GET', '/api/registry/overview', { schema: RegistryOverview, ...withSignal(signal) });
}

export function fetchIssues(query: QueuePage & { kind?: string | undefined }, signal?: AbortSignal): Promise<DataQualityList> {
  return request('GET', withQuery('/api/registry/issues', { ...query }), { schema: DataQualityList, ...withSignal(signal) });
}

/** 409 when the issue is already closed, or when `reapply` finds the household still missing. */
export function resolveIssue(id: string, body: ResolveIssueBody): Promise<DataQualityIssue> {
  return request('POST', `/api/registry/issues/${encodeURIComponent(id)}/resolve`, { schema: DataQualityIssue, body });
}

/** Largest amount first. */
export function fetchLeads(query: QueuePage, signal?: AbortSignal): Promise<LeadList> {
  return request('GET', withQuery('/api/registry/leads', { ...query }), { schema: LeadList, ...withSignal(signal) });
}

/** `add` answers 400 with `details[{ field: 'communityCode' }]` for a community that does not exist or is not the caller's. */
export function reviewLead(id: string, body: ReviewLeadBody): Promise<Lead> {
  return request('POST', `/api/registry/leads/${encodeURIComponent(id)}/review`, { schema: Lead, body });
}
