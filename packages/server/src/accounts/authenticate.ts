import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AuthenticationRequiredError } from '../http/errors.js';
import type { SessionUser } from './account.service.js';

export const SESSION_COOKIE = 'sw_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

/** Resolves the session cookie to a user on every request; routes call `requireUser`. */
export function installAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? (await ctx.accounts.authenticate(token)) ?? null : null;
  });
}

export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw AuthenticationRequiredError();
  return request.user;
}
