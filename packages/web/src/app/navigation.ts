import { type Action, type Actor, can } from '@trellis/domain';
import type { SessionUser } from './types';

export type NavKey =
  | 'home'
  | 'intake'
  | 'patients'
  | 'schedule'
  | 'plans'
  | 'users'
  | 'organization'
  | 'audit'
  | 'account';

export interface NavItem {
  key: NavKey;
  to: string;
  label: string;
  /** Shown only to people whose roles allow this (the same rule the server enforces). */
  action?: Action;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', to: '/', label: 'Home' },
  { key: 'intake', to: '/intake', label: 'Intake', action: 'inquiry.read' },
  { key: 'patients', to: '/patients', label: 'Patients', action: 'patient.read' },
  { key: 'schedule', to: '/schedule', label: 'Schedule', action: 'schedule.read' },
  { key: 'plans', to: '/treatment-plans', label: 'Treatment plans', action: 'program.manage' },
  { key: 'users', to: '/users', label: 'Users', action: 'user.manage' },
  { key: 'organization', to: '/organization', label: 'Organization settings', action: 'organization.manage' },
  { key: 'audit', to: '/audit', label: 'Audit log', action: 'audit.read' },
  { key: 'account', to: '/account', label: 'My account' },
];

export function actorOf(user: SessionUser): Actor {
  return { userId: user.id, organizationId: user.organizationId, roles: user.roles };
}

export function userCan(user: SessionUser, action: Action): boolean {
  return can(actorOf(user), action);
}

export function navItemsFor(user: SessionUser): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.action || userCan(user, item.action));
}
