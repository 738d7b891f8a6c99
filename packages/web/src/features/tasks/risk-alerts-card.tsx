import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../app/api-client';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { type Task, useAdministration, useResolveTask, useRiskAlerts } from './tasks-api';

const OWNER: Record<string, string> = { director: 'the directors', clinician: 'the clinicians' };

/** What the score said: the total, the band, and each critical answer in words. */
function WhatHappened({ task }: { task: Task }) {
  const administrationId = task.subject.type === 'measure_administration' ? task.subject.id : null;
  const administration = useAdministration(administrationId);
  if (!administrationId) return null;
  if (!administration.data) return <Skeleton h={18} w="60%" />;
  const a = administration.data;
  const critical = a.flags.filter((flag) => flag.severity === 'critical');
  return (
    <Stack gap={2}>
      {critical.map((flag) => (
        <Text key={flag.code} size="sm" fw={600} c="red.9">
          {flag.message}
        </Text>
      ))}
      <Text size="sm" c="dimmed">
        Score {a.total ?? '—'} ({a.band.label}),{' '}
        {a.source === 'self_report' ? 'self-report' : 'entered by staff'}, {formatDateTime(a.administeredAt)}
      </Text>
    </Stack>
  );
}

function AlertRow({ task, onResolve }: { task: Task; onResolve: (task: Task, name: string) => void }) {
  const name = task.patient?.displayName ?? '';
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      style={{ borderLeft: '5px solid var(--mantine-color-red-7)' }}
      data-testid="risk-alert"
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div>
            {task.patientId ? (
              <Anchor component={Link} to={`/patients/${task.patientId}/measures`} fw={700} fz="md">
                {name}
              </Anchor>
            ) : null}
            {task.patient ? (
              <Text span size="sm" c="dimmed">
                {' '}
                · MRN {task.patient.mrn}
              </Text>
            ) : null}
            <Text fw={600} fz="sm" mt={2}>
              {task.title}
            </Text>
          </div>
          <Badge color="red" variant="filled" style={{ flexShrink: 0 }}>
            Urgent
          </Badge>
        </Group>
        <WhatHappened task={task} />
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            Raised {formatDateTime(task.createdAt)}
            {task.ownerRole ? ` · for ${OWNER[task.ownerRole] ?? task.ownerRole}` : ' · for you'}
          </Text>
          <Button size="xs" color="red" variant="light" onClick={() => onResolve(task, name)}>
            Record what was done
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ResolveModal({ task, name, onClose }: { task: Task | null; name: string; onClose: () => void }) {
  const resolve = useResolveTask();
  const [note, setNote] = useState('');
  const tooShort = note.trim().length < 5;
  const stale = resolve.error instanceof ApiError && resolve.error.status === 409;
  function close() {
    resolve.reset();
    setNote('');
    onClose();
  }
  return (
    <Modal opened={task !== null} onClose={close} title={`Record what was done for ${name}`} size="lg">
      {task ? (
        <Stack>
          <Text size="sm">{task.title}</Text>
          <Textarea
            label="What was done"
            description="For example: safety assessment in session, no current plan or intent, safety plan reviewed, follow-up call tomorrow. Kept in the audit log."
            autosize
            minRows={4}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            data-autofocus
            required
          />
          {stale ? (
            <Alert color="orange" title="Someone else handled this alert first">
              The list now shows what is still open. Close this window and check the alert again.
            </Alert>
          ) : (
            <ProblemAlert error={resolve.error} title="Not recorded" />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              disabled={tooShort}
              loading={resolve.isPending}
              onClick={() => resolve.mutate({ task, note: note.trim() }, { onSuccess: close })}
            >
              Record and close the alert
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

/** Open urgent risk alerts, newest first, until someone records what was done. */
export function RiskAlertsCard() {
  const alerts = useRiskAlerts(true);
  const [resolving, setResolving] = useState<{ task: Task; name: string } | null>(null);
  const items = alerts.data ?? [];
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="risk-alerts-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="lg" id="risk-alerts-title">
          Risk alerts
        </Title>
        {items.length > 0 ? (
          <Badge color="red" size="lg" variant="filled">
            {items.length} open
          </Badge>
        ) : null}
      </Group>
      <ProblemAlert error={alerts.error} title="Risk alerts could not be loaded" />
      {alerts.isPending ? <Skeleton h={80} /> : null}
      {alerts.data && items.length === 0 ? (
        <Text c="dimmed" size="sm">
          No open risk alerts. A critical answer (such as PHQ-9 item 9 above zero) appears here at once.
        </Text>
      ) : null}
      <Stack gap="sm">
        {items.map((task) => (
          <AlertRow key={task.id} task={task} onResolve={(t, name) => setResolving({ task: t, name })} />
        ))}
      </Stack>
      <ResolveModal
        task={resolving?.task ?? null}
        name={resolving?.name ?? ''}
        onClose={() => setResolving(null)}
      />
    </Card>
  );
}
