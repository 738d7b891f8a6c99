import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { request } from '../../app/api-client';
import { todayIso } from '../../ui/format';
import { timeRange } from './calendar-layout';
import { type Calendar, type CalendarItem, scheduleKeys, useRooms } from './schedule-api';

/**
 * The front desk's day: every group and appointment in a room today, in time order, with how
 * full it is, so they know who walks in when. Online sessions are not here: nobody arrives.
 */
export function TodayByRoomCard() {
  const today = todayIso();
  const rooms = useRooms();
  const days = useQueries({
    queries: (rooms.data ?? []).map((room) => ({
      queryKey: scheduleKeys.calendar('day', today, 'roomId', room.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        request<Calendar>('/calendar', { query: { view: 'day', date: today, roomId: room.id }, signal }),
    })),
  });
  const pending = rooms.isPending || days.some((d) => d.isPending);
  const items: CalendarItem[] = days
    .flatMap((d) => d.data?.items ?? [])
    .filter((i) => i.status !== 'cancelled')
    .sort((a, b) => a.start.localeCompare(b.start) || (a.room?.name ?? '').localeCompare(b.room?.name ?? ''));
  const failed = rooms.isError || days.some((d) => d.isError);
  const firstRoom = rooms.data?.[0]?.id;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="today-by-room">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} fz="lg" id="today-by-room">
          Today in the building
        </Title>
        {items.length > 0 ? (
          <Badge size="lg" variant="light">
            {items.length}
          </Badge>
        ) : null}
      </Group>
      {pending ? <Skeleton h={60} /> : null}
      {failed ? (
        <Text c="red" size="sm">
          Today's sessions could not be loaded. Reload the page; if it keeps happening, tell your
          administrator.
        </Text>
      ) : null}
      {!pending && !failed && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No sessions in a room today.
        </Text>
      ) : null}
      <Stack gap={6}>
        {items.map((item) => (
          <Group key={`${item.type}-${item.id}`} wrap="nowrap" align="flex-start" gap="sm">
            <Text
              fw={700}
              w={112}
              style={{ flexShrink: 0, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
            >
              {timeRange(item.start, item.end)}
            </Text>
            <div>
              <Text fw={600}>{item.title}</Text>
              <Text size="sm" c="dimmed">
                {item.room?.name ?? ''}
                {item.type === 'group'
                  ? ` · ${item.participantCount}${item.capacity ? ` of ${item.capacity}` : ''} expected`
                  : ' · individual or family session'}
              </Text>
            </div>
          </Group>
        ))}
      </Stack>
      {firstRoom ? (
        <Anchor
          component={Link}
          to={`/schedule?view=day&roomId=${firstRoom}`}
          size="sm"
          mt="sm"
          display="block"
        >
          Open today by room in the schedule
        </Anchor>
      ) : null}
    </Card>
  );
}
