import { Anchor, Box, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import type { StaffUser } from '../../app/types';
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
  const summary =
    items.length === 0
      ? q
        ? `No one matches “${q}”.`
        : 'No accounts yet.'
      : `${items.length} ${items.length === 1 ? 'account' : 'accounts'}${q ? ` matching “${q}”` : ''}${includeInactive ? ', inactive included' : ''}.`;

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
        <>
          <Text aria-live="polite" size="sm" c="dimmed" mb="xs">
            {summary}
          </Text>
          <Stack gap="sm" hiddenFrom="sm">
            {items.map((user) => (
              <UserCard key={user.id} user={user} />
            ))}
          </Stack>
          <Box visibleFrom="sm">
            <Card withBorder padding={0}>
              <Table.ScrollContainer minWidth={820}>
                <Table highlightOnHover striped="even" stickyHeader>
                  <Table.Caption className="visually-hidden">Staff accounts</Table.Caption>
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
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(user.lastLoginAt)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          </Box>
        </>
      )}
    </>
  );
}

/** On a phone, one card per person instead of a wide table. */
function UserCard({ user }: { user: StaffUser }) {
  return (
    <Card withBorder padding="md">
      <div>
        <Anchor component={Link} to={`/users/${user.id}`} fw={600} fz="lg">
          {user.displayName}
        </Anchor>
        {user.credentials ? (
          <Text span c="dimmed" size="sm">
            {`, ${user.credentials}`}
          </Text>
        ) : null}
      </div>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {user.email}
      </Text>
      <Box mt="xs">
        <RoleBadges roles={user.roles} />
      </Box>
      <Group gap="md" mt="sm" wrap="wrap">
        <StatusBadge user={user} />
        <Group gap={6}>
          <Text size="sm">Two-step:</Text>
          <MfaBadge enabled={user.mfaEnabled} />
        </Group>
      </Group>
      <Text size="sm" mt="xs">
        Last sign-in: {formatDateTime(user.lastLoginAt)}
      </Text>
    </Card>
  );
}
