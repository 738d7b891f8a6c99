import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { ChangeList, type Names } from './change-list';
import { VERSION_STATUS } from './labels';
import { type TreatmentPlan, usePlanDiff } from './plans-api';

/** The plan's versions, and two of them compared: what was added, removed and changed. */
export function VersionsCard({
  plan,
  names,
  patientId,
}: {
  plan: TreatmentPlan;
  names: Names;
  patientId: string;
}) {
  const versions = plan.versions;
  const last = versions.at(-1)?.number ?? 1;
  const [from, setFrom] = useState<number | null>(versions.length > 1 ? last - 1 : null);
  const [to, setTo] = useState<number | null>(versions.length > 1 ? last : null);
  // The latest change is what people come to see: shown at once when there are two versions.
  const [shown, setShown] = useState<{ from: number; to: number } | null>(
    versions.length > 1 ? { from: last - 1, to: last } : null,
  );
  const diff = usePlanDiff(plan.id, shown?.from ?? null, shown?.to ?? null);
  const options = versions.map((v) => ({ value: String(v.number), label: `Version ${v.number}` }));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="plan-versions-title">
      <Title order={2} fz="lg" id="plan-versions-title" mb="sm">
        Versions
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table fz="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th>Signed</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Print</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...versions].reverse().map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td fw={600}>
                  {v.number}
                  {v.number === plan.effectiveVersionNumber ? (
                    <Badge ml="xs" size="sm" color="green" variant="light" tt="none">
                      in effect
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {v.status === 'signed' && v.number !== plan.effectiveVersionNumber
                    ? 'Signed, replaced by a later version'
                    : VERSION_STATUS[v.status].label}
                </Table.Td>
                <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                <Table.Td>{v.signedAt ? formatDateTime(v.signedAt) : '—'}</Table.Td>
                <Table.Td>
                  {v.reviewId
                    ? `Review of version ${v.basedOnNumber}`
                    : v.basedOnNumber
                      ? `Changes to version ${v.basedOnNumber}`
                      : 'First plan'}
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/patients/${patientId}/plan/print?version=${v.number}`}
                    size="sm"
                  >
                    Print<span className="visually-hidden"> version {v.number}</span>
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {versions.length > 1 ? (
        <Stack gap="sm" mt="md">
          <Title order={3} fz="md">
            Compare two versions
          </Title>
          <Group align="flex-end" gap="sm">
            <Select
              label="Older version"
              data={options}
              value={from === null ? null : String(from)}
              onChange={(v) => setFrom(v ? Number(v) : null)}
              allowDeselect={false}
              w={160}
            />
            <Select
              label="Newer version"
              data={options}
              value={to === null ? null : String(to)}
              onChange={(v) => setTo(v ? Number(v) : null)}
              allowDeselect={false}
              w={160}
            />
            <Button
              variant="light"
              disabled={from === null || to === null || from === to}
              onClick={() =>
                from !== null && to !== null && setShown({ from: Math.min(from, to), to: Math.max(from, to) })
              }
            >
              Compare
            </Button>
          </Group>
          {shown ? (
            <section
              aria-label={`Changes from version ${shown.from} to version ${shown.to}`}
              data-testid="plan-diff"
            >
              <ProblemAlert error={diff.error} title="The comparison could not be made" />
              {diff.isPending ? <Skeleton h={120} /> : null}
              {diff.data ? (
                <Stack gap="sm">
                  <Group gap="xs">
                    <Text fw={600}>
                      Version {diff.data.from} → version {diff.data.to}:
                    </Text>
                    <Badge color="green" variant="light" tt="none">
                      {diff.data.counts.added} added
                    </Badge>
                    <Badge color="red" variant="light" tt="none">
                      {diff.data.counts.removed} removed
                    </Badge>
                    <Badge color="orange" variant="light" tt="none">
                      {diff.data.counts.changed} changed
                    </Badge>
                  </Group>
                  <ChangeList changes={diff.data.changes} names={names} />
                </Stack>
              ) : null}
            </section>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mt="sm">
          Changes after signing, and each review, make a new version. You can compare versions here once there
          are two.
        </Text>
      )}
    </Card>
  );
}
