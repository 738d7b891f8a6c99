/**
 * Phone numbers are stored as typed and searched by their digits. North American numbers have
 * 10 digits (a leading country code 1 is dropped); others are written with + and 8–15 digits
 * (E.164).
 */
export function phoneDigits(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  const northAmerican = !trimmed.startsWith('+') || trimmed.startsWith('+1');
  return northAmerican && digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;

export function isValidPhone(phone: string): boolean {
  const trimmed = phone.trim();
  if (!PHONE_CHARACTERS.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  return digits.length === 10 || (digits.length === 11 && digits.startsWith('1'));
}

export const PHONE_MESSAGE = 'Enter a phone number such as 555-010-0123, or +44 20 7946 0123 for abroad.';
