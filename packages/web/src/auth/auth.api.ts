import { Me, type LoginRequest } from '@shouwang/contract';
import { request } from '../api/client';

export function login(body: LoginRequest): Promise<Me> {
  // A 401 here is "wrong password", not "session expired": show it, do not redirect.
  return request('POST', '/api/auth/login', { body, schema: Me, redirectOn401: false });
}

export function logout(): Promise<void> {
  return request('POST', '/api/auth/logout', { redirectOn401: false });
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return request('GET', '/api/auth/me', { schema: Me, ...(signal ? { signal } : {}) });
}
