import { randomBytes } from 'node:crypto';
import type { api } from '@trellis/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { createCoverage, recordBenefitCheck } from '../modules/coverage/index.js';
import {
  createInquiry,
  createReferralSource,
  moveInquiry,
  recordScreening,
} from '../modules/intake/index.js';

type Ctx = RequestContext & { actor: StaffActor };

const FIRST = ['Sage', 'Ellis', 'Marlow', 'Reese', 'Shiloh', 'Tatum'];
const LAST = ['Inquirington', 'Callback', 'Formfield', 'Pipeline'];
const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)] as T;
const tag = () => randomBytes(3).toString('hex');

/** A phone number from the fictional 555-01xx range, area code 217. */
export function aPhone(): string {
  return `(217) 555-01${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
}

/** What a coordinator types for a new inquiry: a unique name, so searches find only this one. */
export function anInquiryInput(overrides: Partial<api.CreateInquiryRequest> = {}): api.CreateInquiryRequest {
  const t = tag();
  return {
    firstName: pick(FIRST),
    lastName: `${pick(LAST)}-${t}`,
    phone: '2175550142',
    email: `inquiry-${t}@test.example`,
    preferredContactMethod: 'phone',
    helpWanted: 'mental_health',
    preferredSchedule: ['evening'],
    ...overrides,
  };
}

export async function anInquiry(db: Kysely<DB>, ctx: Ctx, overrides: Partial<api.CreateInquiryRequest> = {}) {
  return db.transaction().execute((trx) => createInquiry(trx, ctx, anInquiryInput(overrides)));
}

export async function aReferralSource(
  db: Kysely<DB>,
  ctx: Ctx,
  overrides: Partial<{ name: string; kind: api.ReferralSource['kind'] }> = {},
) {
  return db
    .transaction()
    .execute((trx) =>
      createReferralSource(trx, ctx, { name: `Riverside Hospital ${tag()}`, kind: 'hospital', ...overrides }),
    );
}

const NO_SAFETY = {
  suicidalThoughtsPastMonth: false,
  suicidePlanOrIntent: false,
  recentSuicideAttempt: false,
  thoughtsOfHarmingOthers: false,
};

/** A calm phone screening; pass safety answers to make it positive. */
export function aScreening(overrides: Partial<api.ScreeningRequest> = {}): api.ScreeningRequest {
  return {
    presentingConcern: 'Anxiety and low mood for six months; struggling at work.',
    substanceUse: false,
    ...overrides,
    safety: { ...NO_SAFETY, ...overrides.safety },
  };
}

export async function screen(
  db: Kysely<DB>,
  ctx: Ctx,
  inquiryId: string,
  overrides: Partial<api.ScreeningRequest> = {},
) {
  return db.transaction().execute((trx) => recordScreening(trx, ctx, inquiryId, aScreening(overrides)));
}

export async function move(
  db: Kysely<DB>,
  ctx: Ctx,
  inquiryId: string,
  request: api.InquiryTransitionRequest,
) {
  return db.transaction().execute((trx) => moveInquiry(trx, ctx, inquiryId, request));
}

/** A benefit check found by phone: active, in network, IOP covered for mental health. */
export function aBenefitCheck(overrides: Partial<api.BenefitCheckInput> = {}): api.BenefitCheckInput {
  return {
    source: 'phone',
    coverageActive: true,
    network: 'in_network',
    mentalHealth: { iopCovered: true },
    substanceUse: { iopCovered: false },
    deductibleCents: 150_000,
    deductibleMetCents: 40_000,
    coinsurancePercent: 20,
    priorAuthRequired: true,
    priorAuthPhone: '800-555-0188',
    referenceNumber: `REF-${tag()}`,
    ...overrides,
  };
}

export async function checkBenefits(
  db: Kysely<DB>,
  ctx: Ctx,
  coverageId: string,
  overrides: Partial<api.BenefitCheckInput> = {},
) {
  return db
    .transaction()
    .execute((trx) => recordBenefitCheck(trx, ctx, coverageId, aBenefitCheck(overrides)));
}

export function aCoverageInput(overrides: Partial<api.CoverageInput> = {}): api.CoverageInput {
  return {
    payerName: 'Blue Example Health',
    payerId: '00999',
    planName: 'PPO Silver',
    memberId: `XEH${tag().toUpperCase()}`,
    groupNumber: 'GRP-100',
    relationship: 'self',
    priority: 'primary',
    ...overrides,
  };
}

export async function aPatientCoverage(
  db: Kysely<DB>,
  ctx: Ctx,
  patientId: string,
  overrides: Partial<api.CoverageInput> = {},
) {
  return db
    .transaction()
    .execute((trx) => createCoverage(trx, ctx, { patientId }, aCoverageInput(overrides)));
}

/** Walks an inquiry to "assessment booked": contacted, screened, benefits (self-pay), assessment tomorrow. */
export async function toAssessmentBooked(db: Kysely<DB>, ctx: Ctx, inquiryId: string) {
  await move(db, ctx, inquiryId, { to: 'contacted' });
  await screen(db, ctx, inquiryId);
  await move(db, ctx, inquiryId, { to: 'screened' });
  await move(db, ctx, inquiryId, { to: 'benefits_checked', selfPay: true });
  const tomorrow = new Date(ctx.now.getTime() + 86_400_000).toISOString();
  return move(db, ctx, inquiryId, { to: 'assessment_booked', assessmentAt: tomorrow });
}

/** The public form as a person fills it. */
export function aPublicForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const t = tag();
  return {
    firstName: pick(FIRST),
    lastName: `Webform-${t}`,
    phone: aPhone(),
    email: `web-${t}@test.example`,
    preferredContactMethod: 'text',
    helpWanted: 'both',
    preferredSchedule: ['virtual'],
    consentToContact: true,
    website: '',
    ...overrides,
  };
}

let addressCounter = 0;

/**
 * Sends the public form without a session, from its own address unless one is given: the form
 * is rate limited per address, and each test is one visitor.
 */
export async function postPublicForm(
  app: FastifyInstance,
  organizationId: string | null,
  body: unknown,
  ip?: string,
): Promise<LightMyRequestResponse> {
  addressCounter += 1;
  return app.inject({
    method: 'POST',
    url: organizationId ? `/api/v1/public/inquiries?org=${organizationId}` : '/api/v1/public/inquiries',
    payload: body as Record<string, unknown>,
    remoteAddress: ip ?? `10.${Math.floor(addressCounter / 250) % 250}.${addressCounter % 250}.1`,
  });
}
