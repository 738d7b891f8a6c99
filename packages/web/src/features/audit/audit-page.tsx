import {
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { request } from '../../app/api-client';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import type { AuditEvent, StaffUser } from '../../app/types';
import { formatExactTime, splitExactTime } from '../../ui/format';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { PageLoader } from '../../ui/page-loader';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';

interface Filters {
  userId: string;
  patientId: string;
  action: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { userId: '', patientId: '', action: '', from: '', to: '' };
const PAGE_SIZE = 50;

const OUTCOME: Record<AuditEvent['outcome'], { color: string; label: string }> = {
  success: { color: 'green', label: 'Success' },
  denied: { color: 'orange', label: 'Denied' },
  failure: { color: 'red', label: 'Failure' },
};

function shortId(id: string | null): string {
  return id ? `${id.slice(0, 8)}…` : '';
}

export function AuditPage() {
  const me = useUser();
  if (!userCan(me, 'audit.read')) return <NotAllowed title="Audit log" />;
  return <AuditLog />;
}

function AuditLog() {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);

  const users = useQuery({
    queryKey: ['users', 'list', { q: '', includeInactive: true }],
    queryFn: ({ signal }) =>
      request<{ items: StaffUser[] }>('/users', { query: { includeInactive: true }, signal }).then(
        (r) => r.items,
      ),
  });

  const events = useInfiniteQuery({
    queryKey: ['audit-events', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      request<{ items: AuditEvent[]; nextCursor: string | null }>('/audit-events', {
        query: {
          ...filters,
          patientId: filters.patientId.trim(),
          action: filters.action.trim(),
          cursor: pageParam,
          limit: PAGE_SIZE,
        },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const byPatient = (patientId: string) => {
    const next = { ...draft, patientId };
    setDraft(next);
    setFilters(next);
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
  };

  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  const names = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
  const filtered = Object.values(filters).some(Boolean);
  // The first page's error belongs to the filters; a later page's to "Load more".
  const filterError = events.data ? null : events.error;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in, change and look at patient information, newest first. The log cannot be edited."
      />
      <Card withBorder padding="lg" mb="lg" component="section" aria-label="Filters">
        <form onSubmit={onSubmit} noValidate>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <Select
              label="User"
              placeholder="Anyone"
              searchable
              clearable
              data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))}
              value={draft.userId || null}
              onChange={(value) => set('userId', value ?? '')}
              error={fieldError(events.error, 'userId')}
              nothingFoundMessage="No user by that name"
            />
            <TextInput
              label="Patient id"
              placeholder="Any patient"
              value={draft.patientId}
              onChange={(event) => set('patientId', event.currentTarget.value)}
              error={fieldError(events.error, 'patientId')}
              spellCheck={false}
              autoComplete="off"
            />
            <TextInput
              label="Action starts with"
              placeholder="Any action, or e.g. auth. or user."
              value={draft.action}
              onChange={(event) => set('action', event.currentTarget.value)}
              error={fieldError(events.error, 'action')}
              spellCheck={false}
              autoComplete="off"
            />
            <TextInput
              label="From (date)"
              type="date"
              value={draft.from}
              onChange={(event) => set('from', event.currentTarget.value)}
              error={fieldError(events.error, 'from')}
            />
            <TextInput
              label="To (date, included)"
              type="date"
              value={draft.to}
              onChange={(event) => set('to', event.currentTarget.value)}
              error={fieldError(events.error, 'to')}
            />
          </SimpleGrid>
          <Group mt="md" gap="sm">
            <Button type="submit">Search</Button>
            <Button
              variant="default"
              onClick={clear}
              disabled={!filtered && !Object.values(draft).some(Boolean)}
            >
              Clear filters
            </Button>
            <Text size="sm" c="dimmed">
              Dates are days in your organization's time zone.
            </Text>
          </Group>
        </form>
      </Card>

      <ProblemAlert error={filterError} shownFields={['userId', 'patientId', 'action', 'from', 'to']} />
      {events.isPending ? (
        <PageLoader label="Loading the audit log…" />
      ) : (
        <Stack gap="md">
          <Card withBorder padding={0}>
            <Table.ScrollContainer minWidth={840}>
              <Table striped="even" stickyHeader verticalSpacing="xs">
                <Table.Caption style={{ captionSide: 'bottom', padding: '0.75rem' }} aria-live="polite">
                  {rows.length === 0
                    ? filtered
                      ? 'No events match these filters.'
                      : 'No events yet.'
                    : `Showing ${rows.length} ${rows.length === 1 ? 'event' : 'events'}${events.hasNextPage ? '; there are more' : ''}.`}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">Who</Table.Th>
                    <Table.Th scope="col">Action</Table.Th>
                    <Table.Th scope="col">Outcome</Table.Th>
                    <Table.Th scope="col">Record</Table.Th>
                    <Table.Th scope="col">Patient</Table.Th>
                    <Table.Th scope="col">From</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((event) => (
                    <Table.Tr key={event.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <time dateTime={event.occurredAt} title={formatExactTime(event.occurredAt)}>
                          {splitExactTime(event.occurredAt)[0]}
                          <Text component="span" display="block" size="sm" c="dimmed">
                            {splitExactTime(event.occurredAt)[1]}
                          </Text>
                        </time>
                      </Table.Td>
                      <Table.Td miw="13rem">
                        {(event.actorUserId && names.get(event.actorUserId)) || event.actorLabel || 'System'}
                        {event.actorUserId && names.has(event.actorUserId) && event.actorLabel ? (
                          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            {event.actorLabel}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Code fz="sm">{event.action}</Code>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge color={OUTCOME[event.outcome].color} variant="light">
                          {OUTCOME[event.outcome].label}
                        </Badge>
                        {event.reason ? (
                          <Text size="sm" c="dimmed" mt={2} style={{ whiteSpace: 'normal' }} maw="12rem">
                            {event.reason}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {event.resourceType ?? '—'}
                        {event.resourceId ? (
                          <Text size="xs" c="dimmed" ff="monospace" title={event.resourceId}>
                            {shortId(event.resourceId)}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {event.patientId ? (
                          <Anchor
                            component="button"
                            type="button"
                            ff="monospace"
                            size="sm"
                            title={event.patientId}
                            aria-label={`Show only events for patient ${event.patientId}`}
                            onClick={() => byPatient(event.patientId ?? '')}
                          >
                            {shortId(event.patientId)}
                          </Anchor>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{event.ip ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          {events.data && events.error ? (
            <ProblemAlert error={events.error} title="More events could not be loaded" />
          ) : null}
          {events.hasNextPage ? (
            <Group>
              <Button
                variant="default"
                onClick={() => void events.fetchNextPage()}
                loading={events.isFetchingNextPage}
              >
                Load more
              </Button>
            </Group>
          ) : null}
        </Stack>
      )}
    </>
  );
}
