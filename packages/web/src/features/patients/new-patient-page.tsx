import { Anchor, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { duplicateCandidates } from '../intake/intake-api';
import { DuplicateCandidates } from './duplicate-candidates';
import { type CreatePatientBody, useCreatePatient } from './patients-api';

export function NewPatientPage() {
  const user = useUser();
  if (!userCan(user, 'patient.write')) return <NotAllowed title="New patient" />;
  return <NewPatient />;
}

const FIELDS = [
  'legalFirstName',
  'legalLastName',
  'preferredName',
  'pronouns',
  'dateOfBirth',
  'phone',
  'email',
  'preferredLanguage',
] as const;
type Field = (typeof FIELDS)[number];

function NewPatient() {
  const create = useCreatePatient();
  const navigate = useNavigate();
  const [v, setV] = useState<Record<Field, string>>(
    Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<Field, string>,
  );
  const set = (f: Field, value: string) => {
    if (create.error) create.reset();
    setV((s) => ({ ...s, [f]: value }));
  };
  const candidates = duplicateCandidates(create.error);

  const submit = (confirmNotDuplicate = false) => {
    const body: CreatePatientBody = {
      legalFirstName: v.legalFirstName,
      legalLastName: v.legalLastName,
      dateOfBirth: v.dateOfBirth,
      preferredName: v.preferredName.trim() || null,
      pronouns: v.pronouns.trim() || null,
      phone: v.phone.trim() || null,
      email: v.email.trim() || null,
      preferredLanguage: v.preferredLanguage.trim() || null,
      ...(confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
    };
    create.mutate(body, { onSuccess: (p) => void navigate(`/patients/${p.id}`) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const input = (f: Field, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={v[f]}
      onChange={(e) => set(f, e.currentTarget.value)}
      error={fieldError(create.error, f)}
      {...extra}
    />
  );

  return (
    <>
      <Breadcrumbs mb="sm" aria-label="You are here">
        <Anchor component={Link} to="/patients">
          Patients
        </Anchor>
        <Text>New patient</Text>
      </Breadcrumbs>
      <PageHeader
        title="New patient"
        description="Register someone directly. For a new person asking for help, an inquiry on the Intake board registers them without retyping."
      />
      <Card withBorder padding="lg" maw="48rem">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {input('legalFirstName', 'Legal first name', { withAsterisk: true })}
              {input('legalLastName', 'Legal last name', { withAsterisk: true })}
              {input('preferredName', 'Preferred name')}
              {input('pronouns', 'Pronouns', { placeholder: 'e.g. she/her' })}
              {input('dateOfBirth', 'Date of birth', { type: 'date', withAsterisk: true })}
              {input('phone', 'Phone', { type: 'tel' })}
              {input('email', 'Email', { type: 'email' })}
              {input('preferredLanguage', 'Preferred language')}
            </SimpleGrid>
            {candidates ? (
              <DuplicateCandidates
                candidates={candidates}
                busy={create.isPending}
                onConfirmNew={() => submit(true)}
              />
            ) : (
              <ProblemAlert
                error={create.error}
                shownFields={[...FIELDS]}
                title="The patient was not registered"
              />
            )}
            <Group>
              <Button type="submit" loading={create.isPending} disabled={candidates !== null}>
                Register patient
              </Button>
              <Button variant="default" component={Link} to="/patients">
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}
