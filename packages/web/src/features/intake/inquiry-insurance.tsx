import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../ui/format';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { BenefitCheckForm } from './benefit-check-form';
import { type Coverage, type CoverageBody, type InquiryDetail, useAddInquiryCoverage } from './intake-api';

const STATUS_LABELS: Record<string, [string, string]> = {
  pending_verification: ['Not verified yet', 'yellow'],
  active: ['Active', 'green'],
  inactive: ['Inactive', 'gray'],
  entered_in_error: ['Entered in error', 'gray'],
};

/** One coverage with its latest benefit check; a button to record a new check. */
export function CoverageItem({
  coverage,
  owner,
  canCheck,
}: {
  coverage: Coverage;
  owner: { inquiryId?: string; patientId?: string };
  canCheck: boolean;
}) {
  const [checking, setChecking] = useState(false);
  const [label, color] = STATUS_LABELS[coverage.status] ?? [coverage.status, 'gray'];
  const check = coverage.latestCheck;
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>
            {coverage.payerName}
            {coverage.planName ? ` · ${coverage.planName}` : ''}
          </Text>
          <Text size="sm" c="dimmed">
            {coverage.priority === 'primary'
              ? 'Primary'
              : coverage.priority === 'secondary'
                ? 'Secondary'
                : 'Tertiary'}{' '}
            · Member ID {coverage.memberId ?? 'not given'}
            {coverage.groupNumber ? ` · Group ${coverage.groupNumber}` : ''}
            {coverage.subscriberName ? ` · Subscriber ${coverage.subscriberName}` : ''}
          </Text>
        </div>
        <Badge color={color} variant="light" style={{ flexShrink: 0 }}>
          {label}
        </Badge>
      </Group>
      {check ? (
        <Text size="sm">
          <strong>
            Benefits ({formatDateTime(check.checkedAt)}, {check.checkedBy?.name ?? 'unknown'}):
          </strong>{' '}
          {check.summary}
          {check.referenceNumber ? ` Reference ${check.referenceNumber}.` : ''}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          Benefits not checked yet.
        </Text>
      )}
      {checking ? (
        <BenefitCheckForm
          coverage={coverage}
          owner={owner}
          onDone={() => setChecking(false)}
          onCancel={() => setChecking(false)}
        />
      ) : canCheck ? (
        <Group>
          <Button size="xs" variant={check ? 'default' : 'filled'} onClick={() => setChecking(true)}>
            {check ? 'Record a new benefit check' : 'Record benefit check'}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

export function InquiryInsurance({ inquiry, canManage }: { inquiry: InquiryDetail; canManage: boolean }) {
  const [adding, setAdding] = useState(false);
  const converted = inquiry.patientId !== null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="insurance-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="insurance-title">
          Insurance and benefits
        </Title>
        {inquiry.selfPay ? <Badge variant="light">Self-pay</Badge> : null}
      </Group>
      <Stack gap="sm">
        {inquiry.coverages.map((coverage) => (
          <CoverageItem
            key={coverage.id}
            coverage={coverage}
            owner={{ inquiryId: inquiry.id }}
            canCheck={canManage && !converted}
          />
        ))}
        {inquiry.coverages.length === 0 ? (
          <Text size="sm" c="dimmed">
            {converted
              ? 'Their insurance moved to the patient’s chart (Insurance tab).'
              : 'No insurance recorded. Add it as they read it from their card, then check the benefits.'}
          </Text>
        ) : null}
        {canManage && !converted ? (
          adding ? (
            <AddCoverageForm inquiry={inquiry} onDone={() => setAdding(false)} />
          ) : (
            <Group>
              <Button size="xs" variant="default" onClick={() => setAdding(true)}>
                Add insurance
              </Button>
            </Group>
          )
        ) : null}
      </Stack>
    </Card>
  );
}

function AddCoverageForm({ inquiry, onDone }: { inquiry: InquiryDetail; onDone(): void }) {
  const add = useAddInquiryCoverage(inquiry.id);
  const [v, setV] = useState({
    payerName: '',
    planName: '',
    memberId: '',
    groupNumber: '',
    relationship: 'self',
  });
  const set = (k: keyof typeof v, value: string) => setV((s) => ({ ...s, [k]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: CoverageBody = {
      payerName: v.payerName.trim(),
      planName: v.planName.trim() || null,
      memberId: v.memberId.trim() || null,
      groupNumber: v.groupNumber.trim() || null,
      relationship: v.relationship as CoverageBody['relationship'],
    };
    add.mutate(body, { onSuccess: onDone });
  };
  const err = (f: string) => fieldError(add.error, f);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add insurance">
      <Stack gap="sm" p="md" bg="gray.0" style={{ borderRadius: 8 }}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Insurance company"
            withAsterisk
            value={v.payerName}
            onChange={(e) => set('payerName', e.currentTarget.value)}
            error={err('payerName')}
          />
          <TextInput
            label="Plan"
            value={v.planName}
            onChange={(e) => set('planName', e.currentTarget.value)}
          />
          <TextInput
            label="Member ID"
            value={v.memberId}
            onChange={(e) => set('memberId', e.currentTarget.value)}
            error={err('memberId')}
          />
          <TextInput
            label="Group number"
            value={v.groupNumber}
            onChange={(e) => set('groupNumber', e.currentTarget.value)}
          />
          <Select
            label="Their relationship to the subscriber"
            data={[
              { value: 'self', label: 'Self (their own plan)' },
              { value: 'spouse', label: 'Spouse or partner' },
              { value: 'child', label: 'Child' },
              { value: 'other', label: 'Other' },
            ]}
            value={v.relationship}
            onChange={(r) => r && set('relationship', r)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <ProblemAlert
          error={add.error}
          shownFields={['payerName', 'memberId']}
          title="The insurance was not saved"
        />
        <Group>
          <Button type="submit" loading={add.isPending}>
            Save insurance
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
