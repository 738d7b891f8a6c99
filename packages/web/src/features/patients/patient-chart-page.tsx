import { Anchor, Badge, Breadcrumbs, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { levelOfCareText } from '@trellis/domain';
import { type ComponentType, lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { NotAllowed } from '../../ui/not-allowed';
import { PageLoader } from '../../ui/page-loader';
import { ProblemAlert } from '../../ui/problem-alert';
import { type ChartHeader, useChartHeader } from './patients-api';
import type { TabProps } from './tabs/tab-placeholder';

type Loader = () => Promise<{ default: ComponentType<TabProps> }>;
const tab = (load: Loader) => lazy(load);

/** Each tab is its own chunk and file: later modules replace a placeholder without touching this page. */
const TABS: { key: string; label: string; Component: ComponentType<TabProps> }[] = [
  {
    key: 'overview',
    label: 'Overview',
    Component: tab(async () => ({ default: (await import('./tabs/overview-tab')).OverviewTab })),
  },
  {
    key: 'assessments',
    label: 'Assessments',
    Component: tab(async () => ({ default: (await import('./tabs/assessments-tab')).AssessmentsTab })),
  },
  {
    key: 'plan',
    label: 'Plan',
    Component: tab(async () => ({ default: (await import('./tabs/plan-tab')).PlanTab })),
  },
  {
    key: 'schedule',
    label: 'Schedule',
    Component: tab(async () => ({ default: (await import('./tabs/schedule-tab')).ScheduleTab })),
  },
  {
    key: 'attendance',
    label: 'Attendance',
    Component: tab(async () => ({ default: (await import('./tabs/attendance-tab')).AttendanceTab })),
  },
  {
    key: 'notes',
    label: 'Notes',
    Component: tab(async () => ({ default: (await import('./tabs/notes-tab')).NotesTab })),
  },
  {
    key: 'measures',
    label: 'Measures',
    Component: tab(async () => ({ default: (await import('./tabs/measures-tab')).MeasuresTab })),
  },
  {
    key: 'insurance',
    label: 'Insurance',
    Component: tab(async () => ({ default: (await import('./tabs/insurance-tab')).InsuranceTab })),
  },
  {
    key: 'consents',
    label: 'Consents',
    Component: tab(async () => ({ default: (await import('./tabs/consents-tab')).ConsentsTab })),
  },
  {
    key: 'documents',
    label: 'Documents',
    Component: tab(async () => ({ default: (await import('./tabs/documents-tab')).DocumentsTab })),
  },
];

const EPISODE_STATUS: Record<string, [string, string]> = {
  pending: ['Admitted, not started', 'yellow'],
  active: ['Active', 'green'],
  on_hold: ['On hold', 'orange'],
  discharged: ['Discharged', 'gray'],
};

export function PatientChartPage() {
  const user = useUser();
  const { id = '', tab: tabKey = 'overview' } = useParams();
  if (!userCan(user, 'patient.read')) return <NotAllowed title="Patient" />;
  return <Chart id={id} tabKey={tabKey} />;
}

function Chart({ id, tabKey }: { id: string; tabKey: string }) {
  const header = useChartHeader(id);
  const navigate = useNavigate();
  const active = TABS.some((t) => t.key === tabKey) ? tabKey : 'overview';
  if (header.isPending) return <PageLoader label="Opening the chart…" />;
  if (header.error || !header.data) {
    return (
      <>
        <Title order={1} mb="md">
          Patient
        </Title>
        <ProblemAlert error={header.error} />
      </>
    );
  }
  return (
    <>
      <Breadcrumbs mb="sm" aria-label="You are here">
        <Anchor component={Link} to="/patients">
          Patients
        </Anchor>
        <Text>{header.data.patient.displayName}</Text>
      </Breadcrumbs>
      <ChartHeaderCard chart={header.data} />
      <Tabs
        value={active}
        onChange={(next) => next && void navigate(`/patients/${id}${next === 'overview' ? '' : `/${next}`}`)}
        keepMounted={false}
        mt="md"
      >
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {TABS.map((t) => (
            <Tabs.Tab key={t.key} value={t.key}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel key={t.key} value={t.key} pt="lg">
            <Suspense fallback={<PageLoader />}>
              <t.Component patientId={id} />
            </Suspense>
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Text component="div" fw={500}>
        {children}
      </Text>
    </div>
  );
}

/** Always at the top of the chart: who this is, where they are in care, and what to watch for. */
function ChartHeaderCard({ chart }: { chart: ChartHeader }) {
  const { patient, episode, flags } = chart;
  useEffect(() => {
    document.title = `${patient.displayName} · Trellis`;
  }, [patient.displayName]);
  const [statusLabel, statusColor] = episode
    ? (EPISODE_STATUS[episode.status] ?? [episode.status, 'gray'])
    : ['', ''];
  const legal = `${patient.legalFirstName} ${patient.legalLastName}`;
  return (
    <Card withBorder padding="lg" component="section" aria-label="Patient summary">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Title order={1} fz={28}>
              {patient.displayName}
              {patient.pronouns ? (
                <Text component="span" fz="md" c="dimmed" fw={400} ml="xs">
                  ({patient.pronouns})
                </Text>
              ) : null}
            </Title>
            <Text c="dimmed" size="sm">
              {patient.preferredName && patient.displayName !== legal ? `Legal name ${legal} · ` : ''}
              {patient.age} years · born {patient.dateOfBirth} · MRN{' '}
              <Text component="span" ff="monospace" fw={600} c="dark">
                {patient.mrn}
              </Text>
            </Text>
          </div>
          <Group gap="xs">
            {flags.safetyRisk ? (
              <Badge color="red" variant="filled" size="lg">
                Safety risk
              </Badge>
            ) : null}
            {flags.part2 ? (
              <Badge
                color="violet"
                variant="filled"
                size="lg"
                title="Substance use disorder records: disclose only under a Part 2 consent"
              >
                42 CFR Part 2
              </Badge>
            ) : null}
            {patient.status !== 'active' ? (
              <Badge color="gray" size="lg">
                {patient.status}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Group gap="xl" wrap="wrap">
          {episode ? (
            <>
              <Fact label="Track">
                {episode.trackName}{' '}
                <Text component="span" size="sm" c="dimmed">
                  ({levelOfCareText(episode.levelOfCare, episode.asamLevel)})
                </Text>
              </Fact>
              <Fact label="Episode">
                <Badge color={statusColor} variant="light">
                  {statusLabel}
                </Badge>{' '}
                <Text component="span" size="sm">
                  since {episode.admissionDate}
                </Text>
              </Fact>
              <Fact label="Primary clinician">{episode.primaryClinician?.name ?? 'Not assigned'}</Fact>
            </>
          ) : (
            <Fact label="Episode">No open episode of care</Fact>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
