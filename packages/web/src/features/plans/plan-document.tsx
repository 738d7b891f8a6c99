import { Badge, Box, Stack, Table, Text, Title } from '@mantine/core';
import { formatDay } from './labels';

/** The participant's words are quoted once, whether or not they were typed with quotes. */
const unquoted = (text: string) => text.trim().replace(/^["“”']+|["“”']+$/g, '');
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

import type { PlanDocument } from './plans-api';

const STATUS_COLOR: Record<string, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  met: 'green',
  revised: 'violet',
  discontinued: 'gray',
};

/**
 * A plan version as a document: for reading before signing, on the participant's phone, and on
 * paper. Plain headings and lists, no controls; `compact` tightens it for print.
 */
export function PlanDocumentView({
  document: doc,
  headingLevel = 2,
}: {
  document: PlanDocument;
  headingLevel?: 2 | 3;
}) {
  if (doc.problems.length === 0) return <Text c="dimmed">This version has no problems written yet.</Text>;
  const sub = (headingLevel + 1) as 3 | 4;
  return (
    <Stack gap="lg" className="plan-document">
      {doc.problems.map((problem, p) => (
        <Box key={problem.id} component="section" className="plan-problem" aria-label={`Problem ${p + 1}`}>
          <Title order={headingLevel} fz="lg" mb={2}>
            {p + 1}. {problem.statement || 'Problem not described yet'}
          </Title>
          {problem.sourceLabel ? (
            <Text size="sm" c="dimmed" mb="xs">
              Linked to: {problem.sourceLabel}
            </Text>
          ) : null}
          <Stack gap="sm">
            {problem.goals.map((goal, g) => (
              <Box key={goal.id} className="plan-goal">
                <Title order={sub} fz="md" fw={600}>
                  Goal {g + 1}: <q>{unquoted(goal.text) || '…'}</q>
                </Title>
                <Box component="ol" m={0} mt={4} pl="lg" className="plan-objectives">
                  {goal.objectives.map((objective) => (
                    <li key={objective.id} style={{ marginBottom: 6 }}>
                      <Text size="sm" span fw={500}>
                        {objective.text || 'Objective not written yet'}
                      </Text>{' '}
                      <Badge
                        size="sm"
                        variant="light"
                        color={STATUS_COLOR[objective.status] ?? 'gray'}
                        tt="none"
                        className="plan-status"
                      >
                        {objective.statusLabel}
                      </Badge>
                      <Text size="sm" c="dimmed">
                        Measured by: {objective.measure || '—'} · Target date:{' '}
                        {formatDay(objective.targetDate)}
                      </Text>
                    </li>
                  ))}
                </Box>
              </Box>
            ))}
          </Stack>
          {problem.interventions.length > 0 ? (
            <Table mt="sm" fz="sm" verticalSpacing={4} withTableBorder className="plan-interventions">
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left', marginTop: 0, fontWeight: 600 }}>
                How we will work on it
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Intervention</Table.Th>
                  <Table.Th>How often</Table.Th>
                  <Table.Th>Responsible</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problem.interventions.map((iv) => (
                  <Table.Tr key={iv.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {iv.modalityLabel}
                      </Text>
                      {iv.description ? (
                        <Text size="xs" c="dimmed">
                          {iv.description}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{capitalized(iv.frequencyLabel)}</Table.Td>
                    <Table.Td>{iv.responsibleName ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Box>
      ))}
    </Stack>
  );
}
