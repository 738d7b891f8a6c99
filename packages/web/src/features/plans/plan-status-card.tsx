import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { formatDay, SIGNER_LABEL, VERSION_STATUS } from './labels';
import type { PlanDue, TreatmentPlan } from './plans-api';

type Signature = TreatmentPlan['current']['signatures']['clinician'];

const WAITING_FOR = {
  clinician: 'the clinician’s signature',
  participant: 'the participant’s signature',
  supervisor: 'a supervisor’s co-signature',
} as const;

export function dueText(due: PlanDue): { text: string; color: string } {
  const what = due.kind === 'initial_signature' ? 'Plan to be signed' : 'Review due';
  const days = Math.abs(due.daysLeft);
  const when =
    due.daysLeft < 0
      ? `${days} ${days === 1 ? 'day' : 'days'} overdue`
      : due.daysLeft === 0
        ? 'today'
        : `in ${days} ${days === 1 ? 'day' : 'days'}`;
  return {
    text: `${what} by ${formatDay(due.dueDate)} (${when})`,
    color: due.state === 'overdue' ? 'red' : due.state === 'due_soon' ? 'orange' : 'gray',
  };
}

/** What is due, as a tinted note that wraps on a narrow screen (a badge would cut it off). */
export function DueNote({ due }: { due: PlanDue }) {
  const { text, color } = dueText(due);
  return (
    <Text
      size="sm"
      fw={600}
      c={color === 'gray' ? 'dark' : `${color}.9`}
      bg={`${color}.1`}
      px="sm"
      py={4}
      style={{ borderRadius: 4 }}
      data-testid="plan-due"
    >
      {text}
    </Text>
  );
}

function SignatureLine({
  slot,
  signature,
  names,
}: {
  slot: keyof typeof SIGNER_LABEL;
  signature: Signature;
  names: ReadonlyMap<string, string>;
}) {
  const role = signature?.signerRole === 'guardian' ? ' (guardian)' : '';
  const how =
    signature?.method === 'one_time_link'
      ? ' · with a link, on their phone'
      : signature?.method === 'in_person'
        ? ' · in person'
        : '';
  const recorder = signature?.recordedByUserId ? names.get(signature.recordedByUserId) : undefined;
  return (
    <div data-testid={`signature-${slot}`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {SIGNER_LABEL[slot]}
      </Text>
      {signature ? (
        <>
          <Text fw={600} c="green.9">
            <span aria-hidden="true">✓ </span>
            {signature.typedName}
            {role}
          </Text>
          <Text size="sm" c="dimmed">
            {formatDateTime(signature.signedAt)}
            {how}
            {slot === 'participant' && recorder ? `, with ${recorder}` : ''}
          </Text>
        </>
      ) : (
        <Text c="orange.8" fw={500}>
          Not signed yet
        </Text>
      )}
    </div>
  );
}

interface Props {
  plan: TreatmentPlan;
  patientId: string;
  staffNames: ReadonlyMap<string, string>;
  actions: ReactNode;
}

/**
 * The head of the Plan tab: which version is in effect, what the current one is waiting for,
 * who signed it and when, and what is due next.
 */
export function PlanStatusCard({ plan, patientId, staffNames, actions }: Props) {
  const version = plan.current;
  const status = VERSION_STATUS[version.status];
  const sigs = version.signatures;
  const effective = plan.effectiveVersionNumber;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="plan-status-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div>
            <Group gap="sm" align="center">
              <Title order={2} fz="xl" id="plan-status-title">
                Treatment plan · version {version.number}
              </Title>
              <Badge color={status.color} size="lg" variant="filled" tt="none" data-testid="plan-status">
                {status.label}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {version.status === 'signed'
                ? `Signed ${formatDateTime(version.signedAt)}. This is the plan in effect.`
                : `${
                    version.status === 'draft'
                      ? 'Fill in the draft below: the checklist says what signing still needs.'
                      : `Waiting for: ${sigs.missing.map((slot) => WAITING_FOR[slot]).join(', ')}.`
                  } ${
                    effective !== null
                      ? `Version ${effective} stays in effect until version ${version.number} is signed.`
                      : 'No version is in effect yet.'
                  }`}
              {version.reviewId ? ' Drafted from a review.' : ''}
            </Text>
          </div>
          <Group gap="sm">
            {plan.due ? <DueNote due={plan.due} /> : null}
            <Button component={Link} to={`/patients/${patientId}/plan/print`} variant="default">
              Print
            </Button>
          </Group>
        </Group>
        {version.status !== 'draft' ? (
          <SimpleGrid cols={{ base: 1, sm: sigs.cosignatureRequired ? 3 : 2 }} spacing="md">
            <SignatureLine slot="clinician" signature={sigs.clinician} names={staffNames} />
            <SignatureLine slot="participant" signature={sigs.participant} names={staffNames} />
            {sigs.cosignatureRequired || sigs.supervisor ? (
              <SignatureLine slot="supervisor" signature={sigs.supervisor} names={staffNames} />
            ) : null}
          </SimpleGrid>
        ) : null}
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Stack>
    </Card>
  );
}
