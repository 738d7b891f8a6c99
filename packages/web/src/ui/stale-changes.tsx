import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';

export interface ComparedField {
  key: string;
  label: string;
  format?: (value: unknown) => string;
}

interface StaleChangesProps {
  /** "user", "location": what someone else changed. */
  what: string;
  fields: readonly ComparedField[];
  /** The record as it was when editing began. */
  base: Record<string, unknown>;
  /** The record as it is now (the `current` member of the 409 problem). */
  current: Record<string, unknown>;
  /** What this person tried to save. */
  mine: Record<string, unknown>;
  busy?: boolean;
  onReapply(): void;
  onUseCurrent(): void;
}

function show(field: ComparedField, value: unknown): string {
  if (field.format) return field.format(value);
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.join(', ') || '(none)';
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A save that met a newer version (409). Shows what the other person changed and what this
 * person meant to change, then lets them apply their changes on top or start from the current
 * version. Nothing is overwritten silently.
 */
export function StaleChanges(props: StaleChangesProps) {
  const { what, fields, base, current, mine } = props;
  const theirs = fields.filter((f) => !same(base[f.key], current[f.key]));
  const yours = fields.filter((f) => f.key in mine && !same(mine[f.key], current[f.key]));
  return (
    <Alert
      color="orange"
      variant="light"
      title={`Someone else changed this ${what} while you were editing`}
      role="alert"
    >
      <Stack gap="sm">
        <Text size="sm">Your changes were not saved yet. Compare, then choose what to keep.</Text>
        {theirs.length > 0 ? (
          <Table.ScrollContainer minWidth={360}>
            <Table withTableBorder fz="sm" bg="white">
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left', marginTop: 0 }}>
                What changed since you opened it
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Field</Table.Th>
                  <Table.Th scope="col">When you opened it</Table.Th>
                  <Table.Th scope="col">Now</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {theirs.map((f) => (
                  <Table.Tr key={f.key}>
                    <Table.Th scope="row">{f.label}</Table.Th>
                    <Table.Td>{show(f, base[f.key])}</Table.Td>
                    <Table.Td fw={600}>{show(f, current[f.key])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm">The other change was to details not shown on this form.</Text>
        )}
        {yours.length > 0 ? (
          <Text size="sm">
            You were changing:{' '}
            {yours.map((f, i) => (
              <span key={f.key}>
                {i > 0 ? '; ' : ''}
                <strong>{f.label}</strong> to {show(f, mine[f.key])}
              </span>
            ))}
            .
          </Text>
        ) : null}
        <Group gap="sm">
          <Button onClick={props.onReapply} loading={props.busy ?? false} color="orange">
            Apply my changes to the current version
          </Button>
          <Button variant="default" onClick={props.onUseCurrent}>
            Discard mine and show the current version
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
