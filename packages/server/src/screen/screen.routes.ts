import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, SCREEN_STREAM_EVENT, ScreenSummary } from '@shouwang/contract';
import { requireUser } from '../accounts/authenticate.js';
import { authorize } from '../accounts/permissions.js';
import type { AppContext } from '../context.js';

const HEARTBEAT_MS = 15_000;

export function screenRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/screen/summary', {
      schema: { tags: ['screen'], response: { 200: ScreenSummary, 401: ApiError } },
    }, async (request) => ctx.screen.summary(requireUser(request)));

    /** Server-sent events: each new or updated warning in the viewer's territory, masked. */
    app.get('/api/screen/stream', { schema: { tags: ['screen'] } }, async (request, reply) => {
      const user = requireUser(request);
      authorize(user, 'screen.view');
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n: connected\n\n');
      const unsubscribe = ctx.hub.subscribe((change) => {
        if (!user.territoryCodes.some((code) => change.warning.community_code.startsWith(code))) return;
        ctx.screen.screenWarning(change.warning).then((warning) => {
          if (warning && !res.writableEnded) res.write(`event: ${SCREEN_STREAM_EVENT}\nid: ${warning.id}\ndata: ${JSON.stringify({ ...warning, change: change.kind })}\n\n`);
        }).catch((error: unknown) => request.log.error({ err: error }, 'screen stream'));
      });
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    });
  };
}
