import { Anchor, Badge, Button, Card, Group, Loader, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePatientSearch } from './patients-api';

const MATCHED_BY: Record<string, string> = {
  mrn: 'by MRN',
  date_of_birth: 'by date of birth',
  phone: 'by phone number',
  name: 'by name',
};

export function PatientsPage() {
  const user = useUser();
  if (!userCan(user, 'patient.read')) return <NotAllowed title="Patients" />;
  return <Patients canCreate={userCan(user, 'patient.write')} />;
}

function Patients({ canCreate }: { canCreate: boolean }) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [debounced] = useDebouncedValue(q.trim(), 150);
  const search = usePatientSearch(debounced);
  const items = search.data?.items ?? [];
  const matchedBy = search.data?.matchedBy;

  return (
    <>
      <PageHeader
        title="Patients"
        description="Find a patient by name, MRN, date of birth (YYYY-MM-DD or MM/DD/YYYY) or phone number."
        actions={
          canCreate ? (
            <Button component={Link} to="/patients/new">
              New patient
            </Button>
          ) : null
        }
      />
      <TextInput
        size="md"
        label="Search patients"
        placeholder="Name, MRN, date of birth or phone"
        value={q}
        onChange={(e) =>
          setParams(e.currentTarget.value ? { q: e.currentTarget.value } : {}, { replace: true })
        }
        rightSection={search.isFetching ? <Loader size="xs" aria-label="Searching" /> : null}
        mb="md"
        maw="36rem"
        autoFocus
        type="search"
      />
      <ProblemAlert error={search.error} />
      <Text size="sm" c="dimmed" mb="xs" role="status" aria-live="polite">
        {search.data
          ? matchedBy === 'none'
            ? 'Newest patients. Type to search.'
            : `${items.length === 25 ? 'First 25' : items.length} ${items.length === 1 ? 'match' : 'matches'} ${MATCHED_BY[matchedBy ?? ''] ?? ''}.`
          : ''}
      </Text>
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={560}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>MRN</Table.Th>
                <Table.Th>Date of birth</Table.Th>
                <Table.Th>Phone</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/patients/${p.id}`} fw={600}>
                      {p.displayName}
                    </Anchor>
                    {p.preferredName ? (
                      <Text size="xs" c="dimmed">
                        Legal name {p.legalFirstName} {p.legalLastName}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ff="monospace">{p.mrn}</Table.Td>
                  <Table.Td>{p.dateOfBirth}</Table.Td>
                  <Table.Td>{p.phone ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={p.status === 'active' ? 'green' : 'gray'}>
                      {p.status}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
              {search.data && items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="md">
                      No patient matches “{debounced}”.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {!canCreate ? null : (
        <Group mt="sm">
          <Text size="sm" c="dimmed">
            Someone new asking for help? Start with an inquiry on the{' '}
            <Anchor component={Link} to="/intake">
              Intake board
            </Anchor>
            .
          </Text>
        </Group>
      )}
    </>
  );
}
