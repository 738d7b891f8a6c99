import { Checkbox, SimpleGrid } from '@mantine/core';
import { ROLE_LABELS, STAFF_ROLES } from '@trellis/domain';
import type { StaffRole } from '../../app/types';

export const ROLE_DESCRIPTIONS: Record<StaffRole, string> = {
  admin: 'Runs Trellis: staff accounts, settings, audit log. Sees no clinical records.',
  director: 'Runs the program: tracks, calendar, clinical oversight, co-signing.',
  clinician: 'Assesses, writes treatment plans, runs groups, writes notes.',
  intake: 'Inquiries, screening, benefit checks and admissions.',
  billing: 'Coverage, authorizations and claims; no clinical notes.',
  front_desk: "Check-in and today's schedule.",
};

interface RoleCheckboxesProps {
  value: StaffRole[];
  onChange(value: StaffRole[]): void;
  error?: string | undefined;
  label?: string;
  description?: string;
}

/** The roles as checkboxes with what each one does: all six visible, no dropdown to open. */
export function RoleCheckboxes({
  value,
  onChange,
  error,
  label = 'Roles',
  description,
}: RoleCheckboxesProps) {
  return (
    <Checkbox.Group
      label={label}
      description={description ?? 'Choose every role this person has. Each role adds what it allows.'}
      value={value}
      onChange={(next) => onChange(STAFF_ROLES.filter((role) => next.includes(role)))}
      error={error}
      withAsterisk
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
        {STAFF_ROLES.map((role) => (
          <Checkbox key={role} value={role} label={ROLE_LABELS[role]} description={ROLE_DESCRIPTIONS[role]} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
