import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import type { SessionUser } from '../../app/types';
import { todayIso } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { INTAKE_HOME_TITLES, IntakeHomeCards } from '../intake/intake-home-card';
import { DuePlansCard } from '../plans/due-plans-card';
import { ShortfallsCard } from '../schedule/shortfalls-card';
import { TodayByRoomCard } from '../schedule/today-by-room-card';
import { RiskAlertsCard } from '../tasks/risk-alerts-card';
import { CensusChart, trackShortName } from './census-chart';
import {
  type Track,
  useActiveTracks,
  useMyDueMeasures,
  useTodaysGroups,
  useTrackOutcome,
} from './dashboard-api';

const INSTRUMENT: Record<string, string> = {
  phq9: 'PHQ-9',
  phqa: 'PHQ-A',
  gad7: 'GAD-7',
  pcl5: 'PCL-5',
  audit: 'AUDIT',
  'audit-c': 'AUDIT-C',
  dast10: 'DAST-10',
  'cssrs-screener': 'C-SSRS screener',
  mdq: 'MDQ',
};
const TIMING: Record<string, string> = {
  admission: 'at admission',
  interval: 'weekly check',
  discharge: 'at discharge',
};
const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

function DashCard({
  id,
  title,
  badge,
  children,
}: {
  id: string;
  title: string;
  badge?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} fz="lg" id={id}>
          {title}
        </Title>
        {badge}
      </Group>
      {children}
    </Card>
  );
}

function TodaysGroupsCard({ user }: { user: SessionUser }) {
  const groups = useTodaysGroups(user.id, todayIso());
  const items = groups.data ?? [];
  return (
    <DashCard id="todays-groups" title="Today's groups">
      <ProblemAlert error={groups.error} title="Today's schedule could not be loaded" />
      {groups.isPending ? <Skeleton h={60} /> : null}
      {groups.data && items.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing on your calendar today.
        </Text>
      ) : null}
      <Stack gap="xs">
        {items.map((item) => (
          <Group key={item.id} gap="sm" wrap="nowrap" align="flex-start">
            <Text fw={700} w={72} style={{ flexShrink: 0 }}>
              {time.format(new Date(item.startUtc))}
            </Text>
            <div>
              <Text fw={600}>{item.title}</Text>
              <Text size="sm" c="dimmed">
                {item.mode === 'virtual' ? 'Virtual' : (item.room?.name ?? 'No room yet')} ·{' '}
                {item.participantCount} {item.participantCount === 1 ? 'person' : 'people'}
                {item.status === 'cancelled' ? ' · cancelled' : ''}
              </Text>
            </div>
          </Group>
        ))}
      </Stack>
    </DashCard>
  );
}

function DueMeasuresCard() {
  const due = useMyDueMeasures();
  const items = [...(due.data?.items ?? [])].sort((a, b) =>
    a.status === b.status ? a.dueDate.localeCompare(b.dueDate) : a.status === 'overdue' ? -1 : 1,
  );
  return (
    <DashCard
      id="due-measures"
      title="Due measures"
      badge={
        due.data && due.data.overdue > 0 ? (
          <Badge color="orange" variant="filled">
            {due.data.overdue} overdue
          </Badge>
        ) : null
      }
    >
      <ProblemAlert error={due.error} title="Due measures could not be loaded" />
      {due.isPending ? <Skeleton h={60} /> : null}
      {due.data && items.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing due for your patients. Measures appear here when a track's schedule says they are due.
        </Text>
      ) : null}
      <Stack gap={6}>
        {items.slice(0, 12).map((item) => (
          <Group
            key={`${item.episodeId}-${item.instrument}-${item.occurrence}`}
            justify="space-between"
            wrap="nowrap"
          >
            <div>
              <Anchor
                component={Link}
                to={`/patients/${item.patientId}/measures/new?instrument=${item.instrument}`}
                fw={600}
              >
                {item.patientName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {INSTRUMENT[item.instrument] ?? item.instrument} {TIMING[item.timing] ?? ''}
              </Text>
            </div>
            <Badge
              color={item.status === 'overdue' ? 'orange' : 'blue'}
              variant="light"
              tt="none"
              style={{ flexShrink: 0 }}
            >
              {item.status === 'overdue'
                ? `Overdue since ${day.format(new Date(`${item.dueUntil}T12:00:00`))}`
                : `Due by ${day.format(new Date(`${item.dueUntil}T12:00:00`))}`}
            </Badge>
          </Group>
        ))}
      </Stack>
      {due.data && due.data.total > 12 ? (
        <Text size="sm" c="dimmed" mt="xs">
          And {due.data.total - 12} more.
        </Text>
      ) : null}
    </DashCard>
  );
}

function TrackRow({ track }: { track: Track }) {
  const outcome = useTrackOutcome(track.id, 'phq9');
  const o = outcome.data;
  const measured = o ? o.patients.filter((p) => p.count > 0).length : null;
  return (
    <Table.Tr>
      <Table.Td title={track.name}>{trackShortName(track.name)}</Table.Td>
      <Table.Td ta="right">{track.census.active}</Table.Td>
      <Table.Td ta="right">{measured ?? '…'}</Table.Td>
      <Table.Td ta="right">{o ? (o.counts.reliable_improvement ?? 0) : '…'}</Table.Td>
      <Table.Td
        ta="right"
        c={o && (o.counts.reliable_deterioration ?? 0) > 0 ? 'red.8' : 'inherit'}
        fw={o && (o.counts.reliable_deterioration ?? 0) > 0 ? 700 : 400}
      >
        {o ? (o.counts.reliable_deterioration ?? 0) : '…'}
      </Table.Td>
    </Table.Tr>
  );
}

function ProgramOutcomesCard() {
  const tracks = useActiveTracks();
  return (
    <DashCard id="program-outcomes" title="Census and PHQ-9 outcomes">
      <ProblemAlert error={tracks.error} title="Tracks could not be loaded" />
      {tracks.isPending ? <Skeleton h={80} /> : null}
      {tracks.data ? <CensusChart tracks={tracks.data} /> : null}
      {tracks.data ? (
        <Table.ScrollContainer minWidth={320} mt="md">
          <Table verticalSpacing={4} horizontalSpacing={8} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Track</Table.Th>
                <Table.Th ta="right">Attending</Table.Th>
                <Table.Th ta="right">Measured</Table.Th>
                <Table.Th ta="right">Better</Table.Th>
                <Table.Th ta="right">Worse</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tracks.data.map((track) => (
                <TrackRow key={track.id} track={track} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Text size="xs" c="dimmed" mt={6}>
        Measured: with at least one PHQ-9 this episode. Better and worse: reliable change since their first
        PHQ-9 in this episode.
      </Text>
    </DashCard>
  );
}

/** Risk alerts are tasks of a clinical kind: both rights are needed to see them. */
function seesRiskAlerts(user: SessionUser): boolean {
  return userCan(user, 'task.read') && userCan(user, 'clinical.read');
}

/** The intake coordinator's pipeline cards: for whoever works the inquiries. */
function seesIntake(user: SessionUser): boolean {
  return user.roles.includes('intake') && userCan(user, 'inquiry.read');
}

/** The front desk's day in the rooms: for who greets people, not for clinicians (they have their groups). */
function seesBuilding(user: SessionUser): boolean {
  return user.roles.includes('front_desk') && userCan(user, 'schedule.read');
}

/** The placeholder cards on Home that these live cards replace, by title. */
export function liveDashboardTitles(user: SessionUser): string[] {
  const titles: string[] = [];
  if (seesRiskAlerts(user)) titles.push('Risk alerts');
  if (user.roles.includes('clinician')) titles.push("Today's groups");
  if (user.roles.includes('director')) titles.push('Census');
  if (seesIntake(user)) titles.push(...INTAKE_HOME_TITLES);
  if (seesBuilding(user)) titles.push("Today's schedule");
  if (user.roles.includes('director')) titles.push('Reviews due');
  return titles;
}

/** Live cards on Home: risk alerts for anyone who reads tasks, due measures for clinicians, outcomes for directors. */
export function DashboardCards() {
  const user = useUser();
  const canTasks = seesRiskAlerts(user);
  const clinician = user.roles.includes('clinician');
  const director = user.roles.includes('director');
  // Who plans the calendar sees who is planned below or above their track's intensity.
  const seesShortfalls = userCan(user, 'schedule.manage') && userCan(user, 'patient.read');
  const intake = seesIntake(user);
  const building = seesBuilding(user);
  if (!canTasks && !clinician && !director && !intake && !building) return null;
  return (
    <>
      {intake ? <IntakeHomeCards /> : null}
      {building ? <TodayByRoomCard /> : null}
      {canTasks ? <RiskAlertsCard /> : null}
      {clinician ? <DueMeasuresCard /> : null}
      {(clinician || director) && userCan(user, 'clinical.read') ? (
        <DuePlansCard scope={userCan(user, 'clinical.oversee') ? 'all' : 'mine'} />
      ) : null}
      {clinician ? <TodaysGroupsCard user={user} /> : null}
      {director ? <ProgramOutcomesCard /> : null}
      {seesShortfalls ? <ShortfallsCard /> : null}
    </>
  );
}

/** The live part of Home, first on the page: what needs a person now. */
export function DashboardSection() {
  const user = useUser();
  if (liveDashboardTitles(user).length === 0) return null;
  return (
    <section aria-labelledby="needs-you">
      <Title order={2} id="needs-you" mb="sm">
        Needs you today
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DashboardCards />
      </SimpleGrid>
    </section>
  );
}
