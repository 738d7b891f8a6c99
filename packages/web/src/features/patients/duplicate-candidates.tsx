import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PatientSummary } from './patients-api';

interface DuplicateCandidatesProps {
  candidates: PatientSummary[];
  /** "Use this patient": link the existing record instead of registering a new one. */
  onUseExisting?: (patient: PatientSummary) => void;
  onConfirmNew(): void;
  busy?: boolean;
}

/** A possible duplicate: the same name and date of birth is registered already. Nothing is saved yet. */
export function DuplicateCandidates({
  candidates,
  onUseExisting,
  onConfirmNew,
  busy,
}: DuplicateCandidatesProps) {
  return (
    <Alert color="orange" variant="light" title="This person may already be registered" role="alert">
      <Stack gap="sm">
        <Text size="sm">
          {candidates.length === 1 ? 'A patient has' : `${candidates.length} patients have`} the same name and
          date of birth. Nothing was saved yet. Check the phone number or ask the person, then choose.
        </Text>
        <Table.ScrollContainer minWidth={420}>
          <Table withTableBorder bg="white" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>MRN</Table.Th>
                <Table.Th>Date of birth</Table.Th>
                <Table.Th>Phone</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Action</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {candidates.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/patients/${c.id}`} target="_blank">
                      {c.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.mrn}</Table.Td>
                  <Table.Td>{c.dateOfBirth}</Table.Td>
                  <Table.Td>{c.phone ?? '—'}</Table.Td>
                  <Table.Td>
                    {onUseExisting ? (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => onUseExisting(c)}
                        loading={busy ?? false}
                      >
                        Same person: use this record
                      </Button>
                    ) : (
                      <Anchor component={Link} to={`/patients/${c.id}`}>
                        Open record
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button color="orange" onClick={onConfirmNew} loading={busy ?? false}>
            Different person: register a new patient
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
