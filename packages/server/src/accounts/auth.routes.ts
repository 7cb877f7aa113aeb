import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, LoginRequest, Me } from '@shouwang/contract';
import type { AppContext } from '../context.js';
import { InvalidCredentialsError } from '../http/errors.js';
import { SESSION_HOURS, type SessionUser } from './account.service.js';
import { requireUser, SESSION_COOKIE } from './authenticate.js';

async function presentMe(ctx: AppContext, user: SessionUser): Promise<Me> {
  const units = await ctx.territory.findMany(user.territoryCodes);
  return {
    id: user.id, username: user.username, displayName: user.displayName, role: user.role,
    scopes: units.map((u) => ({ code: u.code, name: u.name, level: u.level })),
  };
}

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/auth/login', {
      schema: { tags: ['auth'], body: LoginRequest, response: { 200: Me, 401: ApiError } },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    }, async (request, reply) => {
      const session = await ctx.accounts.login(request.body.username, request.body.password);
      if (!session) throw InvalidCredentialsError();
      reply.setCookie(SESSION_COOKIE, session.token, {
        // A lifetime, not a date: the browser's clock need not agree with the server's.
        httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, path: '/', maxAge: SESSION_HOURS * 3600,
      });
      return presentMe(ctx, session.user);
    });

    app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await ctx.accounts.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });

    app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: Me, 401: ApiError } } }, async (request) => presentMe(ctx, requireUser(request)));
  };
}
