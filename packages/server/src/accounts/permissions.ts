import type { Role } from '@shouwang/contract';
import { AuthorizationError } from '../http/errors.js';
import type { SessionUser } from './account.service.js';

/** What each role may do. Least privilege: the screen viewer sees only masked aggregates. */
const ABILITIES = {
  'warnings.read': ['city_admin', 'social_worker'],
  'warnings.update': ['city_admin', 'social_worker'],
  'intake.submit': ['city_admin'],
  'intake.read': ['city_admin'],
  'screen.view': ['city_admin', 'social_worker', 'screen_viewer'],
  'registry.read': ['city_admin', 'social_worker'],
  /** The data-quality queue and leads: decisions about who is in the database. */
  'registry.review': ['city_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Ability = keyof typeof ABILITIES;

export function can(user: SessionUser, ability: Ability): boolean {
  return (ABILITIES[ability] as readonly Role[]).includes(user.role);
}

export function authorize(user: SessionUser, ability: Ability): void {
  if (!can(user, ability)) throw AuthorizationError(ability);
}

/** Whether lists show the full name and address: the social worker visits the family. */
export function seesIdentityInLists(role: Role): boolean {
  return role === 'social_worker';
}
