import {
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { CONTACT_METHOD_LABELS, CONTACT_METHODS, HELP_WANTED, HELP_WANTED_LABELS } from '@trellis/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { changedFields, hasChanges } from '../../ui/edit-helpers';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { type ComparedField, StaleChanges } from '../../ui/stale-changes';
import { type InquiryDetail, type UpdateInquiryBody, useUpdateInquiry } from './intake-api';
import { formatPhone } from './labels';

interface Values {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  dateOfBirth: string;
  preferredContactMethod: string;
  bestTimeToContact: string;
  helpWanted: string;
  notes: string;
}

const valuesOf = (i: InquiryDetail): Values => ({
  firstName: i.firstName,
  lastName: i.lastName,
  phone: formatPhone(i.phone),
  email: i.email ?? '',
  dateOfBirth: i.dateOfBirth ?? '',
  preferredContactMethod: i.preferredContactMethod ?? '',
  bestTimeToContact: i.bestTimeToContact ?? '',
  helpWanted: i.helpWanted,
  notes: i.notes ?? '',
});

const COMPARED: ComparedField[] = [
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'phone', label: 'Phone', format: (v) => formatPhone(v as string) || '(empty)' },
  { key: 'email', label: 'Email' },
  { key: 'dateOfBirth', label: 'Date of birth' },
  { key: 'preferredContactMethod', label: 'Contact by' },
  { key: 'bestTimeToContact', label: 'Best time' },
  {
    key: 'helpWanted',
    label: 'Help wanted',
    format: (v) => HELP_WANTED_LABELS[v as keyof typeof HELP_WANTED_LABELS] ?? String(v),
  },
  { key: 'notes', label: 'Notes' },
];

/** Empty fields travel as null ("not given"); the phone as typed, the server keeps its digits. */
function bodyOf(changed: Partial<Values>): UpdateInquiryBody {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changed)) {
    const v = typeof value === 'string' ? value.trim() : value;
    body[key] = v === '' && key !== 'firstName' && key !== 'lastName' ? null : v;
  }
  return body as UpdateInquiryBody;
}

export function InquiryDetailsForm({ inquiry, canManage }: { inquiry: InquiryDetail; canManage: boolean }) {
  const update = useUpdateInquiry();
  const [base, setBase] = useState(inquiry);
  const [values, setValues] = useState<Values>(() => valuesOf(inquiry));
  const [saved, setSaved] = useState(false);
  const stale = update.error instanceof ApiError && update.error.isStale ? update.error : null;
  const current = stale ? (stale.problem.current as InquiryDetail) : null;

  // The inquiry moved on elsewhere on this page (a stage change): carry on from the new version
  // when this form has nothing unsaved.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the record's version only
  useEffect(() => {
    if (inquiry.version === base.version || stale) return;
    if (!hasChanges(valuesOf(base), values)) {
      setBase(inquiry);
      setValues(valuesOf(inquiry));
    } else setBase((b) => ({ ...inquiry, ...valuesOfBaseFields(b) }));
  }, [inquiry.version]);

  const set = (key: keyof Values, value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };

  const save = (from: InquiryDetail) => {
    const body = bodyOf(changedFields(valuesOf(base), values));
    update.mutate(
      { id: from.id, version: from.version, body },
      {
        onSuccess: (next) => {
          setBase(next);
          setValues(valuesOf(next));
          setSaved(true);
        },
      },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(base);
  };
  const takeCurrent = (record: InquiryDetail) => {
    setBase(record);
    setValues(valuesOf(record));
    update.reset();
  };
  const dirty = hasChanges(valuesOf(base), values);
  const err = (field: string) => fieldError(update.error, field);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="details-title">
      <Title order={2} fz="lg" id="details-title" mb="md">
        Contact and details
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="sm">
            {stale && current ? (
              <StaleChanges
                what="inquiry"
                fields={COMPARED}
                // The form's values as the comparison's plain records (an interface has no index signature).
                base={valuesOf(base) as unknown as Record<string, unknown>}
                current={valuesOf(current) as unknown as Record<string, unknown>}
                mine={changedFields(valuesOf(base), values) as Record<string, unknown>}
                busy={update.isPending}
                onReapply={() => save(current)}
                onUseCurrent={() => takeCurrent(current)}
              />
            ) : (
              <ProblemAlert
                error={update.error}
                shownFields={Object.keys(values)}
                title="Your changes were not saved"
              />
            )}
            {saved && !dirty ? (
              <Text c="green.8" role="status" fw={500}>
                Changes saved.
              </Text>
            ) : null}
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                label="First name"
                value={values.firstName}
                onChange={(e) => set('firstName', e.currentTarget.value)}
                error={err('firstName')}
              />
              <TextInput
                label="Last name"
                value={values.lastName}
                onChange={(e) => set('lastName', e.currentTarget.value)}
                error={err('lastName')}
              />
            </SimpleGrid>
            <TextInput
              label="Phone"
              type="tel"
              value={values.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
              error={err('phone')}
            />
            <TextInput
              label="Email"
              type="email"
              value={values.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={err('email')}
            />
            <TextInput
              label="Date of birth"
              description={
                values.dateOfBirth ? undefined : 'Needed before they can be registered as a patient.'
              }
              type="date"
              value={values.dateOfBirth}
              onChange={(e) => set('dateOfBirth', e.currentTarget.value)}
              error={err('dateOfBirth')}
            />
            <SimpleGrid cols={2} spacing="sm">
              <Select
                label="Contact by"
                data={CONTACT_METHODS.map((m) => ({ value: m, label: CONTACT_METHOD_LABELS[m] }))}
                value={values.preferredContactMethod || null}
                onChange={(m) => set('preferredContactMethod', m ?? '')}
                error={err('preferredContactMethod')}
              />
              <TextInput
                label="Best time"
                value={values.bestTimeToContact}
                onChange={(e) => set('bestTimeToContact', e.currentTarget.value)}
              />
            </SimpleGrid>
            <Select
              label="Help wanted"
              data={HELP_WANTED.map((h) => ({ value: h, label: HELP_WANTED_LABELS[h] }))}
              value={values.helpWanted}
              onChange={(h) => h && set('helpWanted', h)}
              allowDeselect={false}
            />
            <Textarea
              label="Notes"
              autosize
              minRows={2}
              value={values.notes}
              onChange={(e) => set('notes', e.currentTarget.value)}
              error={err('notes')}
            />
            {canManage ? (
              <Group gap="sm">
                <Button
                  type="submit"
                  loading={update.isPending && !stale}
                  disabled={!dirty || stale !== null}
                >
                  Save details
                </Button>
                {dirty && !stale ? (
                  <Button variant="default" onClick={() => takeCurrent(base)}>
                    Undo my changes
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Stack>
        </fieldset>
      </form>
    </Card>
  );
}

/** The detail fields of a base record, kept while newer stage fields are taken over. */
function valuesOfBaseFields(b: InquiryDetail): Partial<InquiryDetail> {
  return {
    firstName: b.firstName,
    lastName: b.lastName,
    phone: b.phone,
    email: b.email,
    dateOfBirth: b.dateOfBirth,
    preferredContactMethod: b.preferredContactMethod,
    bestTimeToContact: b.bestTimeToContact,
    helpWanted: b.helpWanted,
    notes: b.notes,
  };
}
