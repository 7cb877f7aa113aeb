import { z } from 'zod';
import { Role, TerritoryRef } from './common.js';

export const LoginRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  /** The territories whose records this user may see. */
  scopes: z.array(TerritoryRef),
});
export type Me = z.infer<typeof Me>;
