import { type api, displayName } from '@trellis/domain';
import type { PatientRow } from './tables.js';

export function toPatient(row: PatientRow): api.Patient {
  return {
    id: row.id,
    mrn: row.mrn,
    legalFirstName: row.legal_first_name,
    legalLastName: row.legal_last_name,
    preferredName: row.preferred_name,
    displayName: displayName(nameOf(row)),
    pronouns: row.pronouns,
    dateOfBirth: row.date_of_birth,
    sexAssignedAtBirth: row.sex_assigned_at_birth,
    genderIdentity: row.gender_identity,
    phone: row.phone,
    email: row.email,
    address: {
      line1: row.address_line1,
      line2: row.address_line2,
      city: row.city,
      region: row.region,
      postalCode: row.postal_code,
    },
    emergencyContact:
      row.emergency_contact_name && row.emergency_contact_phone
        ? {
            name: row.emergency_contact_name,
            relationship: row.emergency_contact_relationship,
            phone: row.emergency_contact_phone,
          }
        : null,
    preferredLanguage: row.preferred_language,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function toPatientSummary(row: PatientRow): api.PatientSummary {
  return {
    id: row.id,
    mrn: row.mrn,
    displayName: displayName(nameOf(row)),
    legalFirstName: row.legal_first_name,
    legalLastName: row.legal_last_name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    phone: row.phone,
    status: row.status,
  };
}

function nameOf(row: PatientRow) {
  return {
    legalFirstName: row.legal_first_name,
    legalLastName: row.legal_last_name,
    preferredName: row.preferred_name,
  };
}
