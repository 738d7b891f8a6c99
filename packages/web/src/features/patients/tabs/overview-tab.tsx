import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { levelOfCareText } from '@trellis/domain';
import { PageLoader } from '../../../ui/page-loader';
import { ProblemAlert } from '../../../ui/problem-alert';
import { useTracks } from '../../intake/intake-api';
import { useEpisodes } from '../patients-api';
import type { TabProps } from './tab-placeholder';

const STATUS: Record<string, [string, string]> = {
  pending: ['Admitted, not started', 'yellow'],
  active: ['Active', 'green'],
  on_hold: ['On hold', 'orange'],
  discharged: ['Discharged', 'gray'],
};

export function OverviewTab({ patientId }: TabProps) {
  const episodes = useEpisodes(patientId);
  const tracks = useTracks();
  if (episodes.isPending) return <PageLoader />;
  if (episodes.error) return <ProblemAlert error={episodes.error} />;
  const trackName = (id: string) => tracks.data?.find((t) => t.id === id)?.name ?? 'Track';
  const items = episodes.data ?? [];
  return (
    <Stack gap="lg">
      {items.length === 0 ? (
        <Text c="dimmed">Not admitted into a track yet.</Text>
      ) : (
        items.map((episode) => {
          const [label, color] = STATUS[episode.status] ?? [episode.status, 'gray'];
          return (
            <Card
              key={episode.id}
              withBorder
              padding="lg"
              component="section"
              aria-label={`Episode of care in ${trackName(episode.trackId)}`}
            >
              <Group justify="space-between" mb="xs">
                <Title order={2} fz="lg">
                  {trackName(episode.trackId)}
                </Title>
                <Group gap="xs">
                  {episode.part2 ? (
                    <Badge color="violet" variant="light">
                      42 CFR Part 2
                    </Badge>
                  ) : null}
                  <Badge color={color}>{label}</Badge>
                </Group>
              </Group>
              <Text size="sm" mb="md">
                {levelOfCareText(episode.levelOfCare, episode.asamLevel)} · admitted {episode.admissionDate}
                {episode.dischargeDate ? ` · discharged ${episode.dischargeDate}` : ''}
                {episode.referralSource?.text ? ` · referred by ${episode.referralSource.text}` : ''}
              </Text>
              <Title order={3} fz="md" mb="xs">
                Diagnoses
              </Title>
              {episode.diagnoses.length === 0 ? (
                <Text size="sm" c="dimmed">
                  None recorded yet.
                </Text>
              ) : (
                <Table withTableBorder fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={110}>ICD-10-CM</Table.Th>
                      <Table.Th>Diagnosis</Table.Th>
                      <Table.Th w={110}>
                        <span className="visually-hidden">Rank</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {episode.diagnoses.map((d) => (
                      <Table.Tr key={d.code}>
                        <Table.Td ff="monospace" fw={600}>
                          {d.code}
                        </Table.Td>
                        <Table.Td>{d.text}</Table.Td>
                        <Table.Td>{d.primary ? <Badge variant="light">Primary</Badge> : null}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
          );
        })
      )}
    </Stack>
  );
}
