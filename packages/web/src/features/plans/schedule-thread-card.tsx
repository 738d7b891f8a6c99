import { Alert, Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { frequencyLabel, modalityLabel } from './labels';
import { type InterventionThread, useScheduleThread } from './plans-api';

const STATE: Record<InterventionThread['state'], { label: string; color: string }> = {
  ok: { label: 'Booked', color: 'green' },
  short: { label: 'Fewer than planned', color: 'orange' },
  none: { label: 'Nothing booked', color: 'red' },
  not_checkable: { label: 'Not on the calendar', color: 'gray' },
};

const when = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/**
 * The golden thread to the schedule: for each intervention, the sessions booked in the next
 * weeks that deliver it, and a warning where the plan asks for something the calendar lacks.
 */
export function ScheduleThreadCard({
  planId,
  patientId,
  problemIds,
}: {
  planId: string;
  patientId: string;
  /** The plan's problems in order, to say which problem an intervention serves. */
  problemIds: string[];
}) {
  const thread = useScheduleThread(planId);
  const data = thread.data;
  const lacking = data
    ? data.interventions.filter((iv) => iv.state === 'short' || iv.state === 'none').length
    : 0;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="plan-thread-title">
      <Title order={2} fz="lg" id="plan-thread-title">
        Plan and schedule
      </Title>
      {data ? (
        <Text size="sm" c="dimmed" mb="sm">
          Version {data.versionNumber}, sessions booked from {data.from} to {data.to} ({data.weeks} weeks).
        </Text>
      ) : null}
      {thread.error ? <Text c="red.8">The schedule could not be checked right now.</Text> : null}
      {thread.isPending ? <Skeleton h={80} /> : null}
      {data ? (
        <Stack gap="sm">
          {lacking > 0 ? (
            <Alert
              color="orange"
              variant="light"
              title={`${lacking} of ${data.interventions.length} interventions have fewer sessions booked than the plan asks for`}
            >
              <Anchor component={Link} to={`/patients/${patientId}/schedule`} size="sm" fw={600}>
                Book sessions in the Schedule tab
              </Anchor>
            </Alert>
          ) : null}
          {data.interventions.length === 0 ? (
            <Text size="sm" c="dimmed">
              No interventions with a kind and frequency yet.
            </Text>
          ) : null}
          {data.interventions.map((iv) => {
            const state = STATE[iv.state];
            return (
              <div key={iv.interventionId} data-testid="thread-intervention">
                <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={600} size="sm">
                      {modalityLabel(iv.modality)}
                      {iv.frequency ? `, ${frequencyLabel(iv.frequency)}` : ''}
                      {problemIds.includes(iv.problemId) ? (
                        <Text span size="sm" c="dimmed" fw={400}>
                          {' '}
                          · problem {problemIds.indexOf(iv.problemId) + 1}
                        </Text>
                      ) : null}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {iv.state === 'not_checkable'
                        ? (iv.message ?? 'Not delivered through booked sessions.')
                        : `${iv.booked} of ${iv.required} ${iv.required === 1 ? 'session' : 'sessions'} booked in the next ${data.weeks} weeks`}
                    </Text>
                  </div>
                  <Badge
                    color={state.color}
                    variant={iv.state === 'none' ? 'filled' : 'light'}
                    tt="none"
                    style={{ flexShrink: 0 }}
                  >
                    {state.label}
                  </Badge>
                </Group>
                {iv.sessions.length > 0 ? (
                  <Text size="xs" c="dimmed" mt={2}>
                    {iv.sessions
                      .slice(0, 6)
                      .map((s) => `${when.format(new Date(s.start))} ${s.title}`)
                      .join(' · ')}
                    {iv.sessions.length > 6 ? ` · and ${iv.sessions.length - 6} more` : ''}
                  </Text>
                ) : null}
              </div>
            );
          })}
        </Stack>
      ) : null}
    </Card>
  );
}
