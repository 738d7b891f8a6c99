import { Alert, Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Role } from '@trellis/domain';
import { Link } from 'react-router';
import { useUser } from '../../app/session';
import { ComingLaterCard } from '../../ui/coming-later-card';
import { PageHeader } from '../../ui/page-header';
import { RoleBadges } from '../../ui/role-badges';
import { DashboardSection, liveDashboardTitles } from '../dashboard/dashboard-cards';

interface Planned {
  title: string;
  text: string;
}

/**
 * What each role will find here once the later modules exist. Named now so that people know
 * where things will be; no numbers until the real ones can be shown.
 */
const PLANNED: Record<Role, Planned[]> = {
  clinician: [
    { title: "Today's groups", text: 'The groups and sessions you lead today, with rooms and rosters.' },
    { title: 'Due notes', text: 'Session notes waiting for you to write or sign.' },
    { title: 'Risk alerts', text: 'Screening answers and events that need a clinician to look now.' },
  ],
  director: [
    { title: 'Census', text: 'Who is in each track this week, admissions and discharges.' },
    { title: 'Reviews due', text: 'Treatment plans and measures coming due or overdue.' },
    { title: 'Notes to co-sign', text: 'Notes that need your co-signature.' },
  ],
  intake: [
    { title: 'New inquiries', text: 'Calls and self-referrals waiting for a first contact.' },
    { title: 'Benefit checks', text: 'Insurance checks to run before an assessment.' },
    { title: 'Assessments to book', text: 'People screened and ready for their initial assessment.' },
  ],
  billing: [
    { title: 'Authorizations', text: 'Authorizations running out and visits left on each.' },
    { title: 'Billable days', text: 'Attended days ready to bill.' },
  ],
  front_desk: [
    { title: "Today's schedule", text: 'Every group and appointment today, by room.' },
    { title: 'Check-in', text: 'Check people in as they arrive.' },
  ],
  admin: [],
  patient: [],
};

const ADMIN_LINKS = [
  { to: '/users', title: 'Users', text: 'Add staff, give them roles, reset two-step sign-in.' },
  {
    to: '/organization',
    title: 'Organization settings',
    text: 'Name, sign-in rules, locations with their time zones, and rooms.',
  },
  { to: '/audit', title: 'Audit log', text: 'Who did what and when, including every sign-in.' },
];

function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function HomePage() {
  const user = useUser();
  const firstName = user.displayName.split(' ')[0] ?? user.displayName;
  const live = liveDashboardTitles(user);
  const planned = user.roles.flatMap((role) => PLANNED[role]).filter((item) => !live.includes(item.title));
  const isAdmin = user.roles.includes('admin');

  return (
    <>
      <PageHeader
        title={`${greeting(new Date().getHours())}, ${firstName}`}
        description={`You are signed in to ${user.organizationName}.`}
      />
      <Stack gap="xl">
        <DashboardSection />
        <Card withBorder padding="lg" component="section" aria-labelledby="your-roles">
          <Title order={2} id="your-roles" fz="lg" mb="xs">
            Your roles
          </Title>
          <RoleBadges roles={user.roles} />
          <Text size="sm" c="dimmed" mt="sm">
            Your roles decide what you see in Trellis. If something you need is missing, ask an administrator.
          </Text>
        </Card>

        {!user.mfaEnabled ? (
          <Alert color="orange" variant="light" title="Protect your account" role="status">
            Two-step sign-in is not set up for you yet.{' '}
            <Anchor component={Link} to="/account" fw={600}>
              Set it up in My account
            </Anchor>{' '}
            (about a minute).
          </Alert>
        ) : null}

        {isAdmin ? (
          <section aria-labelledby="admin-tasks">
            <Title order={2} id="admin-tasks" mb="sm">
              Administration
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              {ADMIN_LINKS.map((link) => (
                <Card key={link.to} withBorder padding="lg">
                  <Anchor component={Link} to={link.to} fw={650} fz="lg">
                    {link.title}
                  </Anchor>
                  <Text size="sm" c="dimmed" mt={4}>
                    {link.text}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
          </section>
        ) : null}

        {planned.length > 0 ? (
          <section aria-labelledby="your-day">
            <Title order={2} id="your-day" mb={4}>
              Your day
            </Title>
            <Text c="dimmed" size="sm" mb="md">
              These parts of Trellis are being built. Until they arrive, keep using your current process for
              them.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
              {planned.map((item) => (
                <ComingLaterCard key={item.title} title={item.title}>
                  {item.text}
                </ComingLaterCard>
              ))}
            </SimpleGrid>
          </section>
        ) : null}
      </Stack>
    </>
  );
}
