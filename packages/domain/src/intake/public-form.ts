import { CONTACT_METHOD_LABELS, type ContactMethod } from './stages.js';

/**
 * US phone numbers as people type them: (217) 555-0123, 217-555-0123, 217.555.0123,
 * +1 217 555 0123, 12175550123. Returns the 10 digits, or null when it is not a US number
 * (letters, extensions, too few or too many digits, an area code or exchange starting 0 or 1).
 */
export function usPhoneDigits(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  else if (trimmed.startsWith('+')) return null;
  if (digits.length !== 10) return null;
  // NANP: neither the area code nor the exchange starts with 0 or 1.
  if (/^[01]/.test(digits) || /^[01]/.test(digits.slice(3))) return null;
  return digits;
}

export const US_PHONE_MESSAGE = 'Enter a US phone number with area code, such as (217) 555-0123.';

/** 217-555-0123, for people to read. */
export function formatUsPhone(digits: string): string {
  return digits.length === 10 ? `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}` : digits;
}

/** No 0/O or 1/I/L: a reference is read aloud on the phone. */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REFERENCE_LENGTH = 8;

/**
 * The reference a person quotes when they call: "GS-7K3M-9QXA". Built from random bytes the
 * caller supplies (the domain does no I/O). It carries no meaning: not a count, not a date.
 */
export function inquiryReference(randomBytes: Uint8Array): string {
  if (randomBytes.length < REFERENCE_LENGTH) throw new Error('inquiryReference needs 8 random bytes.');
  let code = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) {
    code += REFERENCE_ALPHABET[(randomBytes[i] ?? 0) % REFERENCE_ALPHABET.length];
  }
  return `GS-${code.slice(0, 4)}-${code.slice(4)}`;
}

export interface NextStepsInput {
  organizationName: string;
  organizationPhone: string | null;
  preferredContactMethod: ContactMethod;
  insuranceGiven: boolean;
}

/**
 * What the person reads after sending the form. It depends only on what they sent and on the
 * program, never on whether they are already known to the program.
 */
export function publicNextSteps(input: NextStepsInput): string[] {
  const how = CONTACT_METHOD_LABELS[input.preferredContactMethod].toLowerCase();
  const steps = [
    `Thank you for reaching out. An intake coordinator at ${input.organizationName} will contact you by ${how} within one business day.`,
    input.insuranceGiven
      ? 'Before we call, we check your insurance benefits, so we can tell you what your plan covers for intensive outpatient care.'
      : 'If you have insurance, have your card nearby when we call: we check your benefits for you.',
    'On that call (about 15 minutes) we ask a few questions about what is going on and find a time for an initial assessment.',
  ];
  if (input.organizationPhone) {
    steps.push(`You can also call us at ${input.organizationPhone} and quote your reference.`);
  }
  steps.push(
    'If you are in crisis or thinking about suicide, do not wait for our call: call or text 988 (the 988 Suicide & Crisis Lifeline) or chat at 988lifeline.org. In an emergency, call 911.',
  );
  return steps;
}
