import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authRoutes } from '../accounts/auth.routes.js';
import { installAuthentication } from '../accounts/authenticate.js';
import type { AppContext } from '../context.js';
import { intakeRoutes, MAX_UPLOAD_MB } from '../intake/intake.routes.js';
import { registryRoutes } from '../registry/registry.routes.js';
import { screenRoutes } from '../screen/screen.routes.js';
import { warningRoutes } from '../warnings/warnings.routes.js';
import { installErrorHandler } from './error-handler.js';

/**
 * The HTTP application: API under /api, OpenAPI at /api/docs, the web app for everything else.
 * Logs never carry cookies, authorization headers or request bodies (which hold personal data).
 */
export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : {
      level: ctx.config.logLevel,
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    },
    trustProxy: true,
    bodyLimit: 10 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  // NDJSON deliveries are kept as bytes and read line by line by intake.
  app.addContentTypeParser(['application/x-ndjson', 'application/ndjson', 'application/jsonl'], { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 },
    (_request, body, done) => done(null, body));
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_MB * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: { info: { title: 'Shouwang 守望 API', version: '0.1.0', description: 'Low-income population monitoring, early warning and rapid response.' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuthentication(app, ctx);

  app.get('/api/health', { schema: { tags: ['system'] } }, async () => ({ status: 'ok' }));
  await app.register(authRoutes(ctx));
  await app.register(warningRoutes(ctx));
  await app.register(screenRoutes(ctx));
  await app.register(intakeRoutes(ctx));
  await app.register(registryRoutes(ctx));

  const webDir = ctx.config.webDir;
  const serveWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, maxAge: '1h', index: false });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any non-API GET is the app's page.
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({ id: 'not_found', message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}` });
  });
  return app;
}
