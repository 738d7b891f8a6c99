import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import {
  type Administration,
  type ChangeSummary,
  type OutcomePoint,
  type PatientOutcome,
  useAdministrations,
  useInstruments,
  usePatientOutcome,
} from './measures-api';
import { bandColor } from './scoring-preview';
import { SelfReportLinkModal } from './self-report-link';

const OutcomeChart = lazy(() => import('./outcome-chart'));

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const CLASSIFICATION: Record<ChangeSummary['reliableChange'], { label: string; color: string }> = {
  reliable_improvement: { label: 'Reliable improvement', color: 'teal' },
  no_reliable_change: { label: 'No reliable change', color: 'gray' },
  reliable_deterioration: { label: 'Reliable deterioration', color: 'red' },
};

function ScoreBox({
  label,
  point,
  outcome,
}: {
  label: string;
  point: OutcomePoint | null;
  outcome: PatientOutcome;
}) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {point ? (
        <>
          <Group gap="xs" align="baseline" mt={2}>
            <Text fz={30} fw={700} lh={1.1}>
              {point.total ?? '—'}
            </Text>
            <Badge color={bandColor(outcome.bands, point.band.code)} tt="none">
              {point.band.label}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {dateOnly.format(new Date(point.administeredAt))}
          </Text>
        </>
      ) : (
        <Text>None yet</Text>
      )}
    </Card>
  );
}

function thresholdOf(change: ChangeSummary, key: string, field: string): number | null {
  const value = change.settingsUsed[key]?.value;
  if (value && typeof value === 'object' && typeof value[field] === 'number') return value[field] as number;
  return null;
}

/** The change since baseline in words a tired clinician can take in at once. */
function ChangeBox({ outcome }: { outcome: PatientOutcome }) {
  const change = outcome.change;
  if (!change) {
    return (
      <Card withBorder padding="md">
        <Text size="sm" c="dimmed">
          Change since baseline
        </Text>
        <Text mt={4}>
          {outcome.changeNotApplicable ??
            (outcome.points.length < 2
              ? 'Needs a second score to compare with the first.'
              : 'Not classified.')}
        </Text>
      </Card>
    );
  }
  const classification = CLASSIFICATION[change.reliableChange];
  const diff = change.difference;
  const direction =
    diff === 0
      ? 'No change'
      : `${diff < 0 ? 'Down' : 'Up'} ${Math.abs(diff)} point${Math.abs(diff) === 1 ? '' : 's'}`;
  const remissionBelow = thresholdOf(change, 'remission', 'below');
  const reliablePoints = thresholdOf(change, 'reliableChange', 'points');
  return (
    <Card withBorder padding="md" data-testid="change-summary">
      <Text size="sm" c="dimmed">
        Change since baseline
      </Text>
      <Text fz="lg" fw={700} mt={2}>
        {direction} ({change.baseline} → {change.current})
      </Text>
      <Group gap={6} mt={6}>
        <Badge color={classification.color} size="lg" tt="none">
          {classification.label}
        </Badge>
        {change.response ? (
          <Badge color="teal" variant="light" size="lg" tt="none">
            Response (50 % or more lower)
          </Badge>
        ) : null}
        {change.remission ? (
          <Badge color="teal" variant="light" size="lg" tt="none">
            Remission
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mt={6}>
        {reliablePoints !== null ? `Reliable change means ${reliablePoints} points or more. ` : ''}
        {change.response === false ? 'Not yet a response (a drop of half or more). ' : ''}
        {change.remission === false && remissionBelow !== null
          ? `Remission is a score below ${remissionBelow}.`
          : ''}
      </Text>
    </Card>
  );
}

function AdministrationTable({ rows }: { rows: Administration[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Given</Table.Th>
            <Table.Th>Score</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Flags</Table.Th>
            <Table.Th>How</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>{formatDateTime(row.administeredAt)}</Table.Td>
              <Table.Td fw={600}>{row.total ?? '—'}</Table.Td>
              <Table.Td>{row.band.label}</Table.Td>
              <Table.Td>
                {row.flags.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    None
                  </Text>
                ) : (
                  <Stack gap={2}>
                    {row.flags.map((flag) => (
                      <Text
                        key={flag.code}
                        size="sm"
                        c={flag.severity === 'critical' ? 'red.8' : 'inherit'}
                        fw={flag.severity === 'critical' ? 700 : 400}
                      >
                        {flag.message}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>{row.source === 'self_report' ? 'Self-report link' : 'Entered by staff'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function InstrumentOutcome({
  patientId,
  code,
  rows,
}: {
  patientId: string;
  code: string;
  rows: Administration[];
}) {
  const outcome = usePatientOutcome(patientId, code);
  if (outcome.error) return <ProblemAlert error={outcome.error} title="The outcome could not be loaded" />;
  if (!outcome.data) return <Skeleton h={380} />;
  const data = outcome.data;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <ScoreBox label="Baseline (first score)" point={data.baseline} outcome={data} />
        <ScoreBox label="Latest" point={data.latest} outcome={data} />
        <ChangeBox outcome={data} />
      </SimpleGrid>
      <Card withBorder padding="md" component="section" aria-labelledby={`chart-title-${code}`}>
        <Title order={3} fz="md" mb="xs" id={`chart-title-${code}`}>
          {data.title} over time
        </Title>
        {data.points.length === 0 ? (
          <Text c="dimmed">No scores yet.</Text>
        ) : (
          <Suspense fallback={<Skeleton h={320} />}>
            <OutcomeChart outcome={data} />
          </Suspense>
        )}
      </Card>
      <Card withBorder padding="md">
        <Title order={3} fz="md" mb="xs">
          Every {data.title} given ({rows.length})
        </Title>
        <AdministrationTable rows={rows} />
      </Card>
    </Stack>
  );
}

/** The Measures tab of the chart: outcomes per instrument, history, and the ways to give one. */
export function MeasuresTab({ patientId }: { patientId: string }) {
  const history = useAdministrations(patientId);
  const [linkOpen, setLinkOpen] = useState(false);
  const byInstrument = useMemo(() => {
    const map = new Map<string, Administration[]>();
    for (const row of history.data ?? []) {
      const list = map.get(row.instrument) ?? [];
      list.push(row);
      map.set(row.instrument, list);
    }
    for (const list of map.values()) list.sort((a, b) => b.administeredAt.localeCompare(a.administeredAt));
    return map;
  }, [history.data]);
  const codes = [...byInstrument.keys()].sort((a, b) =>
    a === 'phq9' ? -1 : b === 'phq9' ? 1 : a.localeCompare(b),
  );
  const [picked, setPicked] = useState<string | null>(null);
  const code = picked && byInstrument.has(picked) ? picked : (codes[0] ?? null);
  const instruments = useInstruments();
  const titleOf = (c: string) => instruments.data?.find((i) => i.code === c)?.shortTitle ?? c;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        {codes.length > 1 ? (
          <SegmentedControl
            aria-label="Questionnaire"
            value={code ?? ''}
            onChange={setPicked}
            data={codes.map((c) => ({ value: c, label: titleOf(c) }))}
          />
        ) : (
          <span />
        )}
        <Group gap="sm">
          <Button variant="default" onClick={() => setLinkOpen(true)}>
            Send a self-report link
          </Button>
          <Button component={Link} to={`/patients/${patientId}/measures/new?instrument=${code ?? 'phq9'}`}>
            Give a measure
          </Button>
        </Group>
      </Group>
      <ProblemAlert error={history.error} title="Measures could not be loaded" />
      {history.isPending ? <Skeleton h={380} /> : null}
      {history.data && codes.length === 0 ? (
        <Card withBorder padding="lg">
          <Text>
            No questionnaires given yet. Give a PHQ-9 or GAD-7 here, or send the patient a self-report link.
          </Text>
        </Card>
      ) : null}
      {code ? (
        <InstrumentOutcome key={code} patientId={patientId} code={code} rows={byInstrument.get(code) ?? []} />
      ) : null}
      <SelfReportLinkModal
        patientId={patientId}
        initial={code}
        opened={linkOpen}
        onClose={() => setLinkOpen(false)}
      />
    </Stack>
  );
}

export default MeasuresTab;
