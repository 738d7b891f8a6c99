import { z } from 'zod';
import { Email, Id } from './common.js';
import { DateOnly, SubscriberRelationship } from './coverage.js';
import {
  ContactMethod,
  CrisisResource,
  HelpWanted,
  PreferredSchedule,
  requireContactMethodDetail,
  requireInquiryContact,
  UsPhone,
} from './intake.js';

/** Empty strings from a form mean "not given". */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const text = (max: number) => z.string().trim().max(max);

/**
 * The public "Get started" form. Every string is bounded; unknown fields are refused. `website`
 * is a honeypot: hidden from people, filled by bots. Nothing here asks for more than the intake
 * team needs to call back and check benefits.
 */
export const PublicInquiryRequest = z
  .strictObject({
    firstName: text(60).min(1, { error: 'Enter your first name.' }),
    lastName: text(60).min(1, { error: 'Enter your last name.' }),
    phone: z.preprocess(blankToUndefined, UsPhone.optional()),
    email: z.preprocess(blankToUndefined, Email.optional()),
    preferredContactMethod: ContactMethod,
    helpWanted: HelpWanted,
    preferredSchedule: z
      .array(PreferredSchedule)
      .max(3)
      .refine((s) => new Set(s).size === s.length, { error: 'A schedule is listed twice.' })
      .optional(),
    insurance: z
      .strictObject({
        payerName: text(120).min(1, { error: 'Enter the insurance company name, or leave insurance out.' }),
        memberId: z.preprocess(blankToUndefined, text(40).optional()),
        subscriberName: z.preprocess(blankToUndefined, text(120).optional()),
        subscriberDateOfBirth: z.preprocess(blankToUndefined, DateOnly.optional()),
        relationship: SubscriberRelationship.optional(),
      })
      .optional(),
    consentToContact: z.literal(true, {
      error: 'Tick the box to let us contact you: without it we cannot call you back.',
    }),
    /** Honeypot: must stay empty. */
    website: z.string().max(500).optional(),
  })
  .superRefine((value, ctx) => {
    requireInquiryContact(value, ctx);
    requireContactMethodDetail(value, ctx);
  });
export type PublicInquiryRequest = z.output<typeof PublicInquiryRequest>;

/** What the person reads after sending: the same words whoever they are. */
export const PublicInquiryAccepted = z.object({
  reference: z.string(),
  nextSteps: z.array(z.string()),
});
export type PublicInquiryAccepted = z.infer<typeof PublicInquiryAccepted>;

export const PublicOrganizationQuery = z.strictObject({
  /** The organization's id; may be left out when the installation serves one organization. */
  org: z.string().trim().max(100).optional(),
});

const Option = <T extends z.ZodType>(value: T) => z.object({ value, label: z.string() });

/** What the "Get started" page needs to draw its form. */
export const PublicGetStarted = z.object({
  organization: z.object({ id: Id, name: z.string(), phone: z.string().nullable() }),
  helpWanted: z.array(Option(HelpWanted)),
  schedules: z.array(Option(PreferredSchedule)),
  contactMethods: z.array(Option(ContactMethod)),
  relationships: z.array(Option(SubscriberRelationship)),
  /** The words next to the consent checkbox. */
  consentText: z.string(),
  crisis: z.object({ resources: z.array(CrisisResource) }),
  /** Field limits, so the page can stop typing where the server would refuse. */
  maxLengths: z.record(z.string(), z.number().int()),
});
export type PublicGetStarted = z.infer<typeof PublicGetStarted>;
