import { type api, nameKey, phoneDigits, searchableName } from '@trellis/domain';
import type { z } from 'zod';
import type { PatientUpdate } from './tables.js';

type Fields = Partial<z.output<typeof api.UpdatePatientRequest>>;

/** Request fields → columns; the derived search and duplicate keys follow their source fields. */
export function patientColumns(
  input: Fields,
  current?: {
    legalFirstName: string;
    legalLastName: string;
    preferredName: string | null;
  },
): PatientUpdate {
  const columns: PatientUpdate = {};
  if (input.legalFirstName !== undefined) columns.legal_first_name = input.legalFirstName;
  if (input.legalLastName !== undefined) columns.legal_last_name = input.legalLastName;
  if (input.preferredName !== undefined) columns.preferred_name = input.preferredName || null;
  if (input.pronouns !== undefined) columns.pronouns = input.pronouns || null;
  if (input.dateOfBirth !== undefined) columns.date_of_birth = input.dateOfBirth;
  if (input.sexAssignedAtBirth !== undefined) columns.sex_assigned_at_birth = input.sexAssignedAtBirth;
  if (input.genderIdentity !== undefined) columns.gender_identity = input.genderIdentity || null;
  if (input.phone !== undefined) {
    columns.phone = input.phone ?? null;
    columns.phone_digits = input.phone ? phoneDigits(input.phone) : null;
  }
  if (input.email !== undefined) columns.email = input.email ?? null;
  if (input.address !== undefined) {
    columns.address_line1 = input.address?.line1 || null;
    columns.address_line2 = input.address?.line2 || null;
    columns.city = input.address?.city || null;
    columns.region = input.address?.region || null;
    columns.postal_code = input.address?.postalCode || null;
  }
  if (input.emergencyContact !== undefined) {
    columns.emergency_contact_name = input.emergencyContact?.name ?? null;
    columns.emergency_contact_relationship = input.emergencyContact?.relationship || null;
    columns.emergency_contact_phone = input.emergencyContact?.phone ?? null;
  }
  if (input.preferredLanguage !== undefined) columns.preferred_language = input.preferredLanguage || null;
  if (input.status !== undefined) columns.status = input.status;

  const names = {
    legalFirstName: input.legalFirstName ?? current?.legalFirstName ?? '',
    legalLastName: input.legalLastName ?? current?.legalLastName ?? '',
    preferredName: input.preferredName !== undefined ? input.preferredName : (current?.preferredName ?? null),
  };
  if (
    input.legalFirstName !== undefined ||
    input.legalLastName !== undefined ||
    input.preferredName !== undefined
  ) {
    const key = nameKey(names.legalFirstName, names.legalLastName);
    columns.first_name_norm = key.first;
    columns.last_name_norm = key.last;
    columns.search_name = searchableName(names);
  }
  return columns;
}
