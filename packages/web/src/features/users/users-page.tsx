import { Anchor, Button, Card, Checkbox, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { formatDateTime } from '../../ui/format';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { PageLoader } from '../../ui/page-loader';
import { ProblemAlert } from '../../ui/problem-alert';
import { RoleBadges } from '../../ui/role-badges';
import { MfaBadge, StatusBadge } from './user-status';
import { useUserList } from './users-api';

export function UsersPage() {
  const me = useUser();
  if (!userCan(me, 'user.manage')) return <NotAllowed title="Users" />;
  return <UsersList />;
}

function UsersList() {
  const [search, setSearch] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [q] = useDebouncedValue(search.trim(), 250);
  const users = useUserList(q, includeInactive);
  const items = users.data ?? [];

  return (
    <>
      <PageHeader
        title="Users"
        description="Staff accounts of your organization: who can sign in, with which roles."
        actions={
          <Button component={Link} to="/users/new">
            Add a user
          </Button>
        }
      />
      <Group gap="lg" mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Search by name or email"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: '1 1 18rem', maxWidth: '28rem' }}
          autoComplete="off"
        />
        <Checkbox
          label="Show inactive accounts"
          checked={includeInactive}
          onChange={(event) => setIncludeInactive(event.currentTarget.checked)}
          mb={10}
        />
      </Group>

      <ProblemAlert error={users.error} />
      {users.isPending ? (
        <PageLoader label="Loading users…" />
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={820}>
            <Table highlightOnHover striped="even" stickyHeader>
              <Table.Caption style={{ captionSide: 'bottom', padding: '0.75rem' }} aria-live="polite">
                {items.length === 0
                  ? q
                    ? `No one matches “${q}”.`
                    : 'No accounts yet.'
                  : `${items.length} ${items.length === 1 ? 'account' : 'accounts'}${q ? ` matching “${q}”` : ''}${includeInactive ? ', inactive included' : ''}.`}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name and email</Table.Th>
                  <Table.Th scope="col">Roles</Table.Th>
                  <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                    Two-step sign-in
                  </Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                    Last sign-in
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/users/${user.id}`} fw={600}>
                        {user.displayName}
                      </Anchor>
                      {user.credentials ? (
                        <Text span c="dimmed" size="sm">
                          {`, ${user.credentials}`}
                        </Text>
                      ) : null}
                      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {user.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <RoleBadges roles={user.roles} />
                    </Table.Td>
                    <Table.Td>
                      <MfaBadge enabled={user.mfaEnabled} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge user={user} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(user.lastLoginAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}
