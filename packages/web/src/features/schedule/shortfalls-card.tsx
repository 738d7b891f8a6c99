import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { todayIso } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { addDays, hoursText, mondayOf, rangeLabel } from './calendar-layout';
import { useShortfalls } from './schedule-api';

const SHOWN = 10;

/** For the director: participants planned below (or above) their track's intensity this week. */
export function ShortfallsCard() {
  const week = mondayOf(todayIso());
  const list = useShortfalls(week, true);
  const data = list.data;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="intensity-shortfalls">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} fz="lg" id="intensity-shortfalls">
          Intensity this week
        </Title>
        {data && data.flagged > 0 ? (
          <Badge color="orange" variant="filled">
            {data.flagged} flagged
          </Badge>
        ) : null}
      </Group>
      <ProblemAlert error={list.error} title="Intensity could not be checked" />
      {list.isPending ? <Skeleton h={60} /> : null}
      {data ? (
        <Text size="sm" c="dimmed" mb="xs">
          {rangeLabel(data.week, addDays(data.week, 6))}: {data.checked} enrolled participants checked against
          their track.
        </Text>
      ) : null}
      {data && data.items.length === 0 ? (
        <Text size="sm">Everyone is planned within their track's hours and days.</Text>
      ) : null}
      <Stack gap={8}>
        {(data?.items ?? []).slice(0, SHOWN).map((item) => (
          <Group
            key={item.patientId}
            justify="space-between"
            wrap="nowrap"
            align="flex-start"
            data-testid="shortfall"
          >
            <div>
              <Anchor component={Link} to={`/patients/${item.patientId}/schedule`} fw={600}>
                {item.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {item.trackName} · {item.days} {item.days === 1 ? 'day' : 'days'},{' '}
                {hoursText(item.totalHours)} planned
              </Text>
              {item.problems[0] ? <Text size="sm">{item.problems[0].message}</Text> : null}
            </div>
            <Badge color={item.direction === 'under' ? 'orange' : 'grape'} variant="light">
              {item.direction === 'under' ? 'Below minimum' : 'Above maximum'}
            </Badge>
          </Group>
        ))}
      </Stack>
      {data && data.flagged > SHOWN ? (
        <Text size="sm" c="dimmed" mt="xs">
          And {data.flagged - SHOWN} more.
        </Text>
      ) : null}
    </Card>
  );
}
