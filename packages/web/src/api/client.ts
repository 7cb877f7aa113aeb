import { ApiError } from '@shouwang/contract';

/** What the client needs of a contract schema (a zod schema fits). */
export interface ResponseSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}

/**
 * A failed API call. Carries the server's stable error body (`{ id, message, details }`);
 * failures that never reached the API get ids of their own (`network_error`, `http_502`, ...).
 */
export class ApiRequestError extends Error implements ApiError {
  readonly id: string;
  readonly status: number;
  readonly details: ApiError['details'];

  constructor(status: number, body: ApiError) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.id = body.id;
    this.status = status;
    this.details = body.details;
  }
}

export function toApiRequestError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiRequestError(0, { id: 'client_error', message });
}

type UnauthorizedHandler = () => void;

function redirectToLogin(): void {
  if (window.location.pathname === '/login') return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

let onUnauthorized: UnauthorizedHandler = redirectToLogin;

/** The router installs a handler that navigates without a page reload. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler ?? redirectToLogin;
}

/** The type a schema parses to, without importing zod here. */
export type Parsed<S> = S extends ResponseSchema<infer T> ? T : never;

export interface RequestOptions<T> {
  /** The contract schema of a successful response; omit for `204 No Content`. */
  schema?: ResponseSchema<T>;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 normally means "session gone": go to /login. The login call itself opts out. */
  redirectOn401?: boolean;
}

/** The server's `{id, message}` error body, or an invented one for failures outside the API. */
export function errorFromBody(status: number, statusText: string, text: string): ApiRequestError {
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  const body = ApiError.safeParse(parsed);
  if (body.success) return new ApiRequestError(status, body.data);
  return new ApiRequestError(status, { id: `http_${status}`, message: statusText || `HTTP ${status}` });
}

async function errorFromResponse(response: Response): Promise<ApiRequestError> {
  const text = await response.text().catch(() => '');
  return errorFromBody(response.status, response.statusText, text);
}

export function parseResponse<T>(schema: ResponseSchema<T>, json: unknown, status = 200): T {
  const result = schema.safeParse(json);
  if (!result.success) {
    // The contract and the server disagree: say where, for whoever opens the console.
    console.error('Response does not match the contract', result.error.issues);
    throw new ApiRequestError(status, {
      id: 'invalid_response',
      message: `Unexpected response from the server: ${result.error.issues[0]?.message ?? 'schema mismatch'}`,
    });
  }
  return result.data;
}

async function send(method: string, path: string, init: RequestInit, redirectOn401: boolean): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, method, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, { id: 'network_error', message: 'The server cannot be reached.' });
  }
  if (response.ok) return response;
  const failure = await errorFromResponse(response);
  if (response.status === 401 && redirectOn401) onUnauthorized();
  throw failure;
}

export async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  options: RequestOptions<T> & { schema: ResponseSchema<T> },
): Promise<T>;
export async function request(method: 'GET' | 'POST', path: string, options?: RequestOptions<never>): Promise<void>;
export async function request(method: 'GET' | 'POST', path: string, options: RequestOptions<unknown> = {}): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { headers, signal: options.signal ?? null };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await send(method, path, init, options.redirectOn401 ?? true);
  if (!options.schema) return undefined;
  const json: unknown = await response.json();
  return parseResponse(options.schema, json, response.status);
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * POSTs a multipart form with upload progress (fetch cannot report it, XMLHttpRequest can).
 * Same error and 401 handling as `request`.
 */
export function uploadForm<T>(
  path: string,
  form: FormData,
  schema: ResponseSchema<T>,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = false; // same-origin: the session cookie goes along anyway
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiRequestError(0, { id: 'network_error', message: 'The server cannot be reached.' }));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(parseResponse(schema, JSON.parse(xhr.responseText) as unknown, xhr.status));
        } catch (error) {
          reject(error instanceof ApiRequestError ? error : errorFromBody(xhr.status, xhr.statusText, ''));
        }
        return;
      }
      const failure = errorFromBody(xhr.status, xhr.statusText, xhr.responseText);
      if (xhr.status === 401) onUnauthorized();
      reject(failure);
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
