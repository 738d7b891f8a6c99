import { z } from 'zod';
import { isValidPhone, PHONE_MESSAGE } from '../patients/contact.js';
import { isCalendarDate } from '../patients/dates.js';
import { Email, Id, Instant } from './common.js';

export const PATIENT_STATUSES = ['active', 'inactive', 'deceased'] as const;
export const PatientStatus = z.enum(PATIENT_STATUSES);
export type PatientStatus = z.infer<typeof PatientStatus>;

/** A calendar date without time or zone: 'YYYY-MM-DD'. */
export const CalendarDate = z
  .string()
  .trim()
  .refine(isCalendarDate, { error: 'Use a date as YYYY-MM-DD, such as 1980-04-12.' });

export const Phone = z.string().trim().max(40).refine(isValidPhone, { error: PHONE_MESSAGE });

const name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Enter the ${what}.` })
    .max(100);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** Empty strings from a form mean "not given". */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const optionalPhone = z.preprocess(blankToNull, Phone.nullable().optional());
const optionalEmail = z.preprocess(blankToNull, Email.nullable().optional());

export const Address = z.strictObject({
  line1: z.string().trim().max(200).nullable().optional(),
  line2: z.string().trim().max(200).nullable().optional(),
  city: z.string().trim().max(100).nullable().optional(),
  region: z.string().trim().max(100).nullable().optional(),
  postalCode: z.string().trim().max(20).nullable().optional(),
});

export const EmergencyContact = z.strictObject({
  name: z.string().trim().min(1, { error: 'Enter the emergency contact’s name.' }).max(200),
  relationship: z.string().trim().max(60).nullable().optional(),
  phone: Phone,
});

const patientFields = {
  legalFirstName: name('legal first name'),
  legalLastName: name('legal last name'),
  preferredName: optionalText(100),
  pronouns: optionalText(40),
  dateOfBirth: CalendarDate,
  sexAssignedAtBirth: z.enum(['female', 'male', 'intersex', 'unknown']).nullable().optional(),
  genderIdentity: optionalText(60),
  phone: optionalPhone,
  email: optionalEmail,
  address: Address.nullable().optional(),
  emergencyContact: EmergencyContact.nullable().optional(),
  preferredLanguage: optionalText(40),
};

export const CreatePatientRequest = z.strictObject({
  ...patientFields,
  /** Set after the person saw the possible duplicates and confirmed this is someone else. */
  confirmNotDuplicate: z.boolean().optional(),
});

export const UpdatePatientRequest = z.strictObject({
  legalFirstName: patientFields.legalFirstName.optional(),
  legalLastName: patientFields.legalLastName.optional(),
  preferredName: patientFields.preferredName,
  pronouns: patientFields.pronouns,
  dateOfBirth: CalendarDate.optional(),
  sexAssignedAtBirth: patientFields.sexAssignedAtBirth,
  genderIdentity: patientFields.genderIdentity,
  phone: patientFields.phone,
  email: patientFields.email,
  address: patientFields.address,
  emergencyContact: patientFields.emergencyContact,
  preferredLanguage: patientFields.preferredLanguage,
  status: PatientStatus.optional(),
  confirmNotDuplicate: z.boolean().optional(),
});

export const Patient = z.object({
  id: Id,
  mrn: z.string(),
  legalFirstName: z.string(),
  legalLastName: z.string(),
  preferredName: z.string().nullable(),
  displayName: z.string(),
  pronouns: z.string().nullable(),
  dateOfBirth: z.string(),
  sexAssignedAtBirth: z.enum(['female', 'male', 'intersex', 'unknown']).nullable(),
  genderIdentity: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.object({
    line1: z.string().nullable(),
    line2: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
  }),
  emergencyContact: z
    .object({ name: z.string(), relationship: z.string().nullable(), phone: z.string() })
    .nullable(),
  preferredLanguage: z.string().nullable(),
  status: PatientStatus,
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type Patient = z.infer<typeof Patient>;

/** What a search result or a duplicate candidate shows: enough to tell people apart. */
export const PatientSummary = z.object({
  id: Id,
  mrn: z.string(),
  displayName: z.string(),
  legalFirstName: z.string(),
  legalLastName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string(),
  phone: z.string().nullable(),
  status: PatientStatus,
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const PatientSearchQuery = z.strictObject({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const PatientSearchResult = z.object({
  items: z.array(PatientSummary),
  /** How the query was read: mrn, date_of_birth, phone, name, or none (the newest patients). */
  matchedBy: z.enum(['mrn', 'date_of_birth', 'phone', 'name', 'none']),
});
