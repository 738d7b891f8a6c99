import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, request } from '../../app/api-client';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import type { Output } from '../../app/types';
import { todayIso } from '../../ui/format';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { useLocations } from './schedule-api';

type Closure = Output<typeof api.Closure>;

const longDate = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days a location is closed (holidays, a snow day): every session there that day is cancelled. */
export function ClosuresPage() {
  const user = useUser();
  if (!userCan(user, 'schedule.manage')) return <NotAllowed title="Closed days" />;
  return <Closures />;
}

function Closures() {
  const queryClient = useQueryClient();
  const locations = useLocations();
  const [chosen, setChosen] = useState<string | null>(null);
  const locationId = chosen ?? locations.data?.find((l) => l.active)?.id ?? null;
  const from = todayIso();
  const to = plusDays(from, 365);
  const key = ['schedule', 'closures', locationId, from];
  const closures = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      request<{ items: Closure[] }>(`/locations/${encodeURIComponent(locationId ?? '')}/closures`, {
        query: { from, to },
        signal,
      }).then((r) => r.items),
    enabled: Boolean(locationId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['schedule'] });
  const add = useMutation({
    mutationFn: (body: { date: string; reason: string }) =>
      request<Closure>(`/locations/${encodeURIComponent(locationId ?? '')}/closures`, {
        method: 'POST',
        body,
      }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (closure: Closure) =>
      request<Closure>(
        `/locations/${encodeURIComponent(closure.locationId)}/closures/${encodeURIComponent(closure.id)}`,
        { method: 'DELETE' },
      ),
    onSuccess: (c) =>
      notifications.show({
        color: 'green',
        title: 'Open again',
        message: `${longDate(c.date)}: the sessions of that day are back on the calendar.`,
      }),
    onSettled: refresh,
  });
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const fields = add.error instanceof ApiError ? add.error.fieldErrors : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { date, reason },
      {
        onSuccess: (c) => {
          setDate('');
          setReason('');
          notifications.show({
            color: 'green',
            title: 'Closed',
            message: `${longDate(c.date)}: every session at this location that day shows as cancelled.`,
          });
        },
      },
    );
  };

  return (
    <>
      <Breadcrumbs mb="sm" aria-label="You are here">
        <Anchor component={Link} to="/schedule">
          Schedule
        </Anchor>
        <Text>Closed days</Text>
      </Breadcrumbs>
      <PageHeader
        title="Closed days"
        description="Holidays and other days a location is closed. Every group and session there that day shows as cancelled, and participants are not reminded."
      />
      <Stack gap="lg" maw="48rem">
        {(locations.data ?? []).length > 1 ? (
          <Select
            label="Location"
            data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            value={locationId}
            onChange={setChosen}
            maw="24rem"
          />
        ) : null}
        <Card withBorder padding="lg" component="section" aria-labelledby="add-closure">
          <Title order={2} fz="lg" id="add-closure" mb="sm">
            Close a day
          </Title>
          <form onSubmit={submit} noValidate aria-label="Close a day">
            <Group align="flex-start" gap="sm">
              <TextInput
                type="date"
                label="Day"
                value={date}
                min={from}
                onChange={(e) => setDate(e.currentTarget.value)}
                error={fields.date}
                required
              />
              <TextInput
                label="Why"
                placeholder="Thanksgiving"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={fields.reason}
                required
                style={{ flex: 1, minWidth: '14rem' }}
              />
            </Group>
            {Object.keys(fields).length === 0 ? <ProblemAlert error={add.error} title="Not closed" /> : null}
            <Button type="submit" mt="sm" loading={add.isPending} disabled={!date || !reason.trim()}>
              Close this day
            </Button>
          </form>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="closure-list">
          <Title order={2} fz="lg" id="closure-list" mb="sm">
            Coming closed days
          </Title>
          <ProblemAlert error={closures.error ?? remove.error} title="Closed days" />
          {closures.data && closures.data.length === 0 ? (
            <Text c="dimmed" size="sm">
              No closed days in the coming year.
            </Text>
          ) : null}
          {closures.data && closures.data.length > 0 ? (
            <Table verticalSpacing="xs">
              <Table.Tbody>
                {closures.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td fw={600}>{longDate(c.date)}</Table.Td>
                    <Table.Td>{c.reason}</Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        loading={remove.isPending && remove.variables?.id === c.id}
                        onClick={() => remove.mutate(c)}
                      >
                        Open again
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Card>
      </Stack>
    </>
  );
}
