import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { request } from '../../app/api-client';
import type { Output } from '../../app/types';
import { CopyableLink } from '../../ui/copyable-link';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';

type Feed = Output<typeof api.CalendarFeed>;
type IssuedFeed = Output<typeof api.IssuedCalendarFeed>;

interface Props {
  owner: 'clinician' | 'participant';
  subjectId: string;
  /** Whose calendar, for the sentences ("your" or the participant's first name). */
  whose: string;
}

/**
 * A calendar app subscription to someone's sessions: a secret address, shown once, that a
 * calendar app refreshes by itself; it can be stopped at any time. Participants' feeds say
 * "Group session" and name no one else; clinicians' feeds carry initials only.
 */
export function CalendarFeedCard({ owner, subjectId, whose }: Props) {
  const queryClient = useQueryClient();
  const key = ['schedule', 'feeds', owner, subjectId];
  const query = owner === 'clinician' ? { clinicianId: subjectId } : { patientId: subjectId };
  const feeds = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      request<{ items: Feed[] }>('/calendar-feeds', { query, signal }).then((r) =>
        r.items.filter((f) => f.revokedAt === null),
      ),
  });
  const issue = useMutation({
    mutationFn: () =>
      request<IssuedFeed>('/calendar-feeds', {
        method: 'POST',
        body: owner === 'clinician' ? { owner, clinicianId: subjectId } : { owner, patientId: subjectId },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      request<Feed>(`/calendar-feeds/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const active = feeds.data ?? [];

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={`feed-${owner}`}>
      <Title order={2} fz="lg" id={`feed-${owner}`} mb={4}>
        Calendar app
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {owner === 'clinician'
          ? 'See your groups and sessions in your phone’s or computer’s calendar. Participants appear by initials only.'
          : `${whose} can see their sessions in their own calendar app. It shows “Group session” and the time, never a diagnosis or anyone else’s name.`}
      </Text>
      {issue.data ? (
        <Stack gap="xs" mb="sm">
          <Alert color="teal" variant="light" title="Calendar link ready">
            Copy it now: it is shown only once. In Google Calendar choose “Other calendars → From URL”; on an
            iPhone or Mac, “New Calendar Subscription”; in Outlook, “Add calendar → Subscribe from web”.
          </Alert>
          <CopyableLink label="Calendar link" url={issue.data.url} />
        </Stack>
      ) : null}
      {active.length > 0 ? (
        <List size="sm" mb="sm" spacing={4}>
          {active.map((feed) => (
            <List.Item key={feed.id}>
              Link made {formatDateTime(feed.createdAt)}{' '}
              <Button
                variant="subtle"
                color="red"
                size="compact-xs"
                loading={revoke.isPending && revoke.variables === feed.id}
                onClick={() => revoke.mutate(feed.id)}
              >
                Stop this link
              </Button>
            </List.Item>
          ))}
        </List>
      ) : null}
      <ProblemAlert error={feeds.error ?? issue.error ?? revoke.error} title="Calendar links" />
      <Group>
        <Button variant="default" loading={issue.isPending} onClick={() => issue.mutate()}>
          {active.length > 0 ? 'Make another calendar link' : 'Make a calendar link'}
        </Button>
      </Group>
    </Card>
  );
}
