import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from './actions.js';
import { type Actor, can } from './can.js';
import { ROLES, type Role } from './roles.js';

const ORG = '0190d6a0-0000-7000-8000-000000000001';
const OTHER_ORG = '0190d6a0-0000-7000-8000-000000000002';
const PATIENT = '0190d6a0-0000-7000-8000-0000000000aa';

// The expected table, written out by hand: Y = allowed, . = denied. Columns follow ROLES:
// admin director clinician intake billing front_desk patient(own record)
const EXPECTED: Record<Action, string> = {
  'organization.read': 'YYYYYY.',
  'organization.manage': 'Y......',
  'user.read': 'YYYY...',
  'user.manage': 'Y......',
  'audit.read': 'Y......',
  'program.read': 'YYYYYYY',
  'program.manage': '.Y.....',
  'inquiry.read': '.YYY...',
  'inquiry.manage': '.Y.Y...',
  'patient.read': '.YYYYYY',
  'patient.write': '.YYY...',
  'coverage.read': '.YYYY..',
  'coverage.manage': '...YY..',
  'episode.read': '.YYYY..',
  'episode.manage': '.YYY...',
  'consent.read': '.YYYY.Y',
  'consent.manage': '.YYY...',
  'clinical.read': '.YY...Y',
  'clinical.write': '.YY....',
  'clinical.sign': '.YY....',
  'clinical.cosign': '.Y.....',
  'clinical.oversee': '.Y.....',
  'schedule.read': 'YYYYYYY',
  'schedule.manage': '.Y.....',
  'appointment.manage': '.YYY...',
  'attendance.record': '.YY..Y.',
  'task.read': '.YYYY..',
  'task.manage': '.YYYY..',
};

function actorWith(role: Role): Actor {
  return role === 'patient'
    ? { userId: 'u', organizationId: ORG, roles: [role], patientId: PATIENT }
    : { userId: 'u', organizationId: ORG, roles: [role] };
}

describe('can(actor, action, resource)', () => {
  it('has an expectation for every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  const cases = ACTIONS.flatMap((action) =>
    ROLES.map((role, column) => ({ role, action, allowed: EXPECTED[action][column] === 'Y' })),
  );

  it.each(cases)('$role → $action: $allowed', ({ role, action, allowed }) => {
    const resource = { organizationId: ORG, patientId: PATIENT };
    expect(can(actorWith(role), action, resource)).toBe(allowed);
  });

  it.each(ROLES)('%s reaches nothing of another organization', (role) => {
    for (const action of ACTIONS) {
      expect(can(actorWith(role), action, { organizationId: OTHER_ORG, patientId: PATIENT })).toBe(false);
    }
  });

  it("denies a patient another patient's record", () => {
    const other = { organizationId: ORG, patientId: '0190d6a0-0000-7000-8000-0000000000bb' };
    expect(can(actorWith('patient'), 'patient.read', other)).toBe(false);
    expect(can(actorWith('patient'), 'patient.read', { organizationId: ORG })).toBe(false);
  });

  it('grants the union of several roles', () => {
    const both: Actor = { userId: 'u', organizationId: ORG, roles: ['admin', 'clinician'] };
    expect(can(both, 'user.manage')).toBe(true);
    expect(can(both, 'clinical.write')).toBe(true);
    expect(can({ ...both, roles: [] }, 'organization.read')).toBe(false);
  });
});
