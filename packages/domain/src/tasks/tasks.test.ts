import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/can.js';
import { DomainError } from '../errors.js';
import { PRIORITY_RANK, TASK_KIND_NAMES, TASK_KINDS } from './kinds.js';
import {
  canSeeTaskKind,
  checkResolution,
  rolesCanWorkTask,
  taskIdempotencyKey,
  visibleTaskKinds,
} from './rules.js';

const ORG = '0190d6a0-0000-7000-8000-000000000001';
const actor = (roles: Actor['roles']): Actor => ({ userId: 'u', organizationId: ORG, roles });
const subject = { type: 'patient', id: '0190d6a0-0000-7000-8000-0000000000aa' };

describe('task idempotency key', () => {
  it('is the same for the same kind, subject and period, and differs when any of them does', () => {
    const key = taskIdempotencyKey('measure_due', subject, '2026-W49');
    expect(taskIdempotencyKey('measure_due', { ...subject }, '2026-W49')).toBe(key);
    expect(taskIdempotencyKey('measure_due', subject, '2026-W50')).not.toBe(key);
    expect(taskIdempotencyKey('plan_review_due', subject, '2026-W49')).not.toBe(key);
    expect(taskIdempotencyKey('measure_due', { ...subject, type: 'episode' }, '2026-W49')).not.toBe(key);
    expect(taskIdempotencyKey('risk_alert', subject)).toBe(taskIdempotencyKey('risk_alert', subject, null));
  });
});

describe('task kinds', () => {
  it('sort urgent before high before normal', () => {
    expect(PRIORITY_RANK.urgent).toBeLessThan(PRIORITY_RANK.high);
    expect(PRIORITY_RANK.high).toBeLessThan(PRIORITY_RANK.normal);
  });

  it('make risk alerts urgent and require a resolution', () => {
    expect(TASK_KINDS.risk_alert).toMatchObject({ defaultPriority: 'urgent', resolutionRequired: true });
    expect(TASK_KIND_NAMES).toContain('benefit_verification');
  });

  it('show clinical kinds only to people who may read the clinical record (minimum necessary)', () => {
    const billing = visibleTaskKinds(actor(['billing']));
    expect(billing).toContain('benefit_verification');
    expect(billing).not.toContain('risk_alert');
    expect(billing).not.toContain('note_unsigned');
    expect(canSeeTaskKind(actor(['clinician']), 'risk_alert')).toBe(true);
    expect(canSeeTaskKind(actor(['intake']), 'risk_alert')).toBe(false);
    expect(canSeeTaskKind(actor(['intake']), 'urgent_screening')).toBe(true);
    expect(visibleTaskKinds(actor(['front_desk']))).toEqual([]);
    expect(visibleTaskKinds(actor(['admin']))).toEqual([]);
  });

  it('let a kind be worked only by roles that can see it', () => {
    expect(rolesCanWorkTask(['billing'], 'benefit_verification', ORG)).toBe(true);
    expect(rolesCanWorkTask(['billing'], 'risk_alert', ORG)).toBe(false);
    expect(rolesCanWorkTask(['front_desk'], 'follow_up', ORG)).toBe(false);
    expect(rolesCanWorkTask(['director'], 'risk_alert', ORG)).toBe(true);
  });
});

describe('resolving a task', () => {
  it('requires words for a risk alert, naming the field', () => {
    const run = () => checkResolution({ kind: 'risk_alert', status: 'open' }, { status: 'done', note: '  ' });
    expect(run).toThrow(DomainError);
    try {
      run();
    } catch (error) {
      expect((error as DomainError).code).toBe('validation');
      expect((error as DomainError).errors[0]?.field).toBe('note');
    }
    expect(
      checkResolution(
        { kind: 'risk_alert', status: 'open' },
        { status: 'done', note: ' Called; safety plan reviewed ' },
      ),
    ).toEqual({ status: 'done', note: 'Called; safety plan reviewed' });
  });

  it('lets other kinds close without a note', () => {
    expect(checkResolution({ kind: 'plan_due', status: 'open' }, { status: 'cancelled' })).toEqual({
      status: 'cancelled',
      note: null,
    });
  });

  it('refuses to resolve a task twice', () => {
    for (const status of ['done', 'cancelled'] as const) {
      expect(() => checkResolution({ kind: 'plan_due', status }, { status: 'done' })).toThrow(/already/);
    }
  });
});
