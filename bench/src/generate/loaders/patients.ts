import { nameKey, phoneDigits, searchableName } from '@trellis/domain';
import type { Loader } from '../loader.js';

const formatPhone = (digits: string) => `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;

/** patients module: the registry (everyone admitted or booked), with its search keys, and the MRN counters. */
export const patientsLoader: Loader = {
  name: 'patients',
  module: 'patients',
  tables: ['patient', 'patient_mrn_counter'],
  after: ['organizations'],
  async load({ world, insert, rng }) {
    const writer = await insert.writer('patient');
    for (const org of world.organizations) {
      for (const p of org.patients) {
        if (!p.id || !p.registeredAt) continue;
        const location = org.locations[p.locationIndex];
        const key = nameKey(p.firstName, p.lastName);
        const phone = formatPhone(p.phone);
        await writer.add({
          id: p.id,
          organization_id: org.id,
          mrn: p.mrn,
          legal_first_name: p.firstName,
          legal_last_name: p.lastName,
          preferred_name: p.preferredName,
          pronouns: rng.chance(0.3) ? (p.sex === 'female' ? 'she/her' : 'he/him') : null,
          date_of_birth: p.birthDate,
          sex_assigned_at_birth: p.sex,
          gender_identity: null,
          phone,
          phone_digits: phoneDigits(phone),
          email: p.email,
          address_line1: `${rng.int(1, 9999)} ${rng.pick(['Oak', 'Maple', 'Cedar', 'Pine', 'Elm', 'Lake', 'Hill'])} ${rng.pick(['Street', 'Avenue', 'Road', 'Lane'])}`,
          address_line2: null,
          city: location?.city ?? null,
          region: location?.region ?? null,
          postal_code: String(rng.int(10000, 99999)),
          emergency_contact_name: rng.chance(0.8)
            ? `${rng.pick(['Pat', 'Chris', 'Sam', 'Lee', 'Robin'])} ${p.lastName}`
            : null,
          emergency_contact_relationship: rng.pick(['spouse', 'parent', 'sibling', 'friend']),
          emergency_contact_phone: formatPhone(
            `${p.phone.slice(0, 6)}01${String(rng.int(0, 99)).padStart(2, '0')}`,
          ),
          preferred_language: rng.chance(0.12) ? 'es' : 'en',
          status: 'active',
          first_name_norm: key.first,
          last_name_norm: key.last,
          search_name: searchableName({
            legalFirstName: p.firstName,
            legalLastName: p.lastName,
            preferredName: p.preferredName,
          }),
          created_at: p.registeredAt,
          updated_at: p.registeredAt,
        });
      }
    }
    await writer.close();
    await insert.insert(
      'patient_mrn_counter',
      world.organizations.map((org) => ({
        organization_id: org.id,
        last_value: org.patients.filter((p) => p.id).length,
        updated_at: new Date(`${world.anchor}T00:00:00Z`),
      })),
    );
  },
};
