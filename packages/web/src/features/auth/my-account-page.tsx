import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { ShieldIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { RoleBadges } from '../../ui/role-badges';
import { CalendarFeedCard } from '../schedule/calendar-feed-card';
import { ChangePassword } from './change-password';
import { MfaEnrollment } from './mfa-enrollment';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

export function MyAccountPage() {
  const user = useUser();
  const [enrolling, setEnrolling] = useState(false);
  const [justEnabled, setJustEnabled] = useState(false);

  return (
    <>
      <PageHeader title="My account" description="Who you are in Trellis, and how you sign in." />
      <Stack gap="lg" maw="46rem">
        <Card withBorder padding="lg" component="section" aria-labelledby="about-you">
          <Title order={2} id="about-you" mb="md">
            About you
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Fact label="Name">{user.displayName}</Fact>
            <Fact label="Email">{user.email}</Fact>
            <Fact label="Organization">{user.organizationName}</Fact>
            <Fact label="Roles">
              <RoleBadges roles={user.roles} />
            </Fact>
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt="md">
            To change your name or roles, ask an administrator.
          </Text>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="two-step">
          <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
            <Group gap="xs">
              <ShieldIcon size={22} />
              <Title order={2} id="two-step">
                Two-step sign-in
              </Title>
            </Group>
            {user.mfaEnabled ? (
              <Badge color="green" variant="light" size="lg" tt="none">
                On
              </Badge>
            ) : (
              <Badge color="orange" variant="light" size="lg" tt="none">
                Not set up
              </Badge>
            )}
          </Group>
          {justEnabled ? (
            <Alert color="green" variant="light" title="Two-step sign-in is on" role="status" mb="sm">
              From your next sign-in, Trellis will ask for the code from your authenticator app after your
              password.
            </Alert>
          ) : null}
          {user.mfaEnabled ? (
            <Text>
              Each sign-in asks for a code from your authenticator app. If you lose or change your phone, ask
              an administrator to reset it, then set it up again.
            </Text>
          ) : enrolling ? (
            <MfaEnrollment
              confirmLabel="Turn on two-step sign-in"
              onConfirmed={() => {
                setEnrolling(false);
                setJustEnabled(true);
              }}
            />
          ) : (
            <Stack gap="sm" align="flex-start">
              <Text>
                A code from your phone, asked after your password, keeps patient records safe even if your
                password is guessed or reused elsewhere. Setting it up takes about a minute.
              </Text>
              <Button onClick={() => setEnrolling(true)}>Set up two-step sign-in</Button>
            </Stack>
          )}
        </Card>

        {userCan(user, 'schedule.read') &&
        (user.roles.includes('clinician') || user.roles.includes('director')) ? (
          <CalendarFeedCard owner="clinician" subjectId={user.id} whose="your" />
        ) : null}

        <Card withBorder padding="lg" component="section" aria-labelledby="password">
          <Title order={2} id="password" mb="sm">
            Password
          </Title>
          <ChangePassword />
        </Card>
      </Stack>
    </>
  );
}
