import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  CONTACT_METHOD_LABELS,
  CONTACT_METHODS,
  HELP_WANTED,
  HELP_WANTED_LABELS,
  PREFERRED_SCHEDULE_LABELS,
  PREFERRED_SCHEDULES,
} from '@trellis/domain';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { messageFor } from '../get-started/get-started-api';
import { type CreateInquiryBody, useCreateInquiry, useReferralSources } from './intake-api';

type Body = CreateInquiryBody;

export function NewInquiryPage() {
  const user = useUser();
  if (!userCan(user, 'inquiry.manage')) return <NotAllowed title="New inquiry" />;
  return <NewInquiry />;
}

function NewInquiry() {
  const create = useCreateInquiry();
  const navigate = useNavigate();
  const sources = useReferralSources();
  const [v, setV] = useState({
    source: 'phone' as 'phone' | 'referral',
    firstName: '',
    lastName: '',
    phone: '',
    email: '',
    dateOfBirth: '',
    preferredContactMethod: 'phone' as NonNullable<Body['preferredContactMethod']>,
    bestTimeToContact: '',
    helpWanted: 'unsure' as NonNullable<Body['helpWanted']>,
    preferredSchedule: [] as NonNullable<Body['preferredSchedule']>,
    referralSourceId: '',
    notes: '',
    payerName: '',
    memberId: '',
  });
  const set = <K extends keyof typeof v>(key: K, value: (typeof v)[K]) =>
    setV((s) => ({ ...s, [key]: value }));
  const err = (field: string) => messageFor(create.error, field);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: Body = {
      source: v.source,
      firstName: v.firstName,
      lastName: v.lastName,
      phone: v.phone || null,
      email: v.email || null,
      dateOfBirth: v.dateOfBirth || null,
      preferredContactMethod: v.preferredContactMethod,
      bestTimeToContact: v.bestTimeToContact.trim() || null,
      helpWanted: v.helpWanted,
      preferredSchedule: v.preferredSchedule,
      referralSourceId: v.referralSourceId || null,
      notes: v.notes.trim() || null,
      ...(v.payerName.trim()
        ? { insurance: { payerName: v.payerName.trim(), memberId: v.memberId.trim() || undefined } }
        : {}),
    };
    create.mutate(body, { onSuccess: (inquiry) => void navigate(`/intake/${inquiry.id}`) });
  };

  return (
    <>
      <Breadcrumbs mb="sm" aria-label="You are here">
        <Anchor component={Link} to="/intake">
          Intake
        </Anchor>
        <Text>New inquiry</Text>
      </Breadcrumbs>
      <PageHeader
        title="New inquiry"
        description="Someone called, or a partner referred them. Write down what you need to call back; the screening comes next."
      />
      <Card withBorder padding="lg" maw="52rem">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="lg">
            <ProblemAlert
              error={create.error}
              shownFields={[
                'firstName',
                'lastName',
                'phone',
                'email',
                'dateOfBirth',
                'preferredContactMethod',
              ]}
              title="The inquiry was not saved"
            />
            <Radio.Group
              label="How did they reach us?"
              value={v.source}
              onChange={(s) => set('source', s as 'phone')}
            >
              <Group mt={6}>
                <Radio value="phone" label="They called" />
                <Radio value="referral" label="A partner referred them" />
              </Group>
            </Radio.Group>
            {v.source === 'referral' ? (
              <Select
                label="Referred by"
                placeholder={sources.isPending ? 'Loading…' : 'Choose the referral source'}
                data={(sources.data ?? [])
                  .filter((s) => s.active)
                  .map((s) => ({ value: s.id, label: s.name }))}
                value={v.referralSourceId || null}
                onChange={(id) => set('referralSourceId', id ?? '')}
                searchable
                clearable
              />
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="First name"
                withAsterisk
                value={v.firstName}
                onChange={(e) => set('firstName', e.currentTarget.value)}
                error={err('firstName')}
              />
              <TextInput
                label="Last name"
                withAsterisk
                value={v.lastName}
                onChange={(e) => set('lastName', e.currentTarget.value)}
                error={err('lastName')}
              />
              <TextInput
                label="Phone"
                type="tel"
                value={v.phone}
                onChange={(e) => set('phone', e.currentTarget.value)}
                error={err('phone')}
              />
              <TextInput
                label="Email"
                type="email"
                value={v.email}
                onChange={(e) => set('email', e.currentTarget.value)}
                error={err('email')}
              />
              <TextInput
                label="Date of birth (optional)"
                type="date"
                value={v.dateOfBirth}
                onChange={(e) => set('dateOfBirth', e.currentTarget.value)}
                error={err('dateOfBirth')}
              />
              <Select
                label="Best way to reach them"
                data={CONTACT_METHODS.map((m) => ({ value: m, label: CONTACT_METHOD_LABELS[m] }))}
                value={v.preferredContactMethod}
                onChange={(m) => m && set('preferredContactMethod', m as 'phone')}
                error={err('preferredContactMethod')}
                allowDeselect={false}
              />
              <TextInput
                label="Best time to call (optional)"
                placeholder="e.g. weekdays after 5 pm"
                value={v.bestTimeToContact}
                onChange={(e) => set('bestTimeToContact', e.currentTarget.value)}
              />
              <Select
                label="Help wanted"
                data={HELP_WANTED.map((h) => ({ value: h, label: HELP_WANTED_LABELS[h] }))}
                value={v.helpWanted}
                onChange={(h) => h && set('helpWanted', h as 'unsure')}
                allowDeselect={false}
              />
            </SimpleGrid>
            <Checkbox.Group
              label="Schedules they could attend"
              value={v.preferredSchedule}
              onChange={(s) => set('preferredSchedule', s as typeof v.preferredSchedule)}
            >
              <Group mt={6}>
                {PREFERRED_SCHEDULES.map((s) => (
                  <Checkbox key={s} value={s} label={PREFERRED_SCHEDULE_LABELS[s]} />
                ))}
              </Group>
            </Checkbox.Group>
            <Title order={2} fz="md">
              Insurance, as they tell it (optional)
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Insurance company"
                value={v.payerName}
                onChange={(e) => set('payerName', e.currentTarget.value)}
                error={err('insurance.payerName')}
              />
              <TextInput
                label="Member ID"
                value={v.memberId}
                onChange={(e) => set('memberId', e.currentTarget.value)}
                error={err('insurance.memberId')}
              />
            </SimpleGrid>
            <Textarea
              label="Notes (optional)"
              autosize
              minRows={2}
              value={v.notes}
              onChange={(e) => set('notes', e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={create.isPending}>
                Save inquiry
              </Button>
              <Button variant="default" component={Link} to="/intake">
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}
