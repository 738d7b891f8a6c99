import { Badge, Box, Group, Stack, Table, Text } from '@mantine/core';
import { type Diagnosis, diffFieldLabel, diffValueText } from './labels';
import type { PlanChange } from './plans-api';

const CHANGE = {
  added: { label: 'Added', color: 'green' },
  removed: { label: 'Removed', color: 'red' },
  changed: { label: 'Changed', color: 'orange' },
} as const;

const ENTITY = {
  problem: 'Problem',
  goal: 'Goal',
  objective: 'Objective',
  intervention: 'Intervention',
} as const;

export interface Names {
  staff: ReadonlyMap<string, string>;
  diagnoses: readonly Diagnosis[];
}

/**
 * Changes between two versions, each in words: what kind of item, where it sits, and for a
 * change each field before → after. Colour is never the only sign: every row says Added,
 * Removed or Changed.
 */
export function ChangeList({ changes, names }: { changes: readonly PlanChange[]; names: Names }) {
  if (changes.length === 0) return <Text c="dimmed">No differences in content.</Text>;
  return (
    <Stack gap="sm" data-testid="change-list">
      {changes.map((change) => {
        const kind = CHANGE[change.change];
        // An added or removed item shows its own fields; what is empty says nothing.
        const fields =
          change.change === 'changed'
            ? change.fields
            : change.fields.filter((f) => {
                const v = change.change === 'added' ? f.after : f.before;
                return v !== null && v !== '' && f.field !== 'text' && f.field !== 'statement';
              });
        return (
          <Box
            key={`${change.change}-${change.id}`}
            p="sm"
            style={{
              borderLeft: `4px solid var(--mantine-color-${kind.color}-6)`,
              background: 'var(--mantine-color-gray-0)',
              borderRadius: 4,
            }}
            data-change={change.change}
          >
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge color={kind.color} variant="filled" tt="none" style={{ flexShrink: 0 }}>
                {kind.label}
              </Badge>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {ENTITY[change.entity]}: {change.label}
                </Text>
                {change.context.length > 0 ? (
                  <Text size="xs" c="dimmed">
                    In {change.context.join(' › ')}
                  </Text>
                ) : null}
              </div>
            </Group>
            {fields.length > 0 ? (
              <Table fz="sm" mt={6} verticalSpacing={4} withRowBorders={false}>
                <Table.Tbody>
                  {fields.map((f) => (
                    <Table.Tr key={f.field}>
                      <Table.Th w="9rem" fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
                        {diffFieldLabel(f.field, change.entity)}
                      </Table.Th>
                      <Table.Td>
                        {change.change === 'changed' ? (
                          <>
                            <Text span size="sm" td="line-through" c="red.9">
                              {diffValueText(f.field, f.before, names)}
                            </Text>
                            <Text span size="sm" c="dimmed" mx={6} aria-label="changed to">
                              →
                            </Text>
                            <Text span size="sm" fw={600} c="green.9">
                              {diffValueText(f.field, f.after, names)}
                            </Text>
                          </>
                        ) : (
                          <Text span size="sm">
                            {diffValueText(f.field, change.change === 'added' ? f.after : f.before, names)}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </Box>
        );
      })}
    </Stack>
  );
}
