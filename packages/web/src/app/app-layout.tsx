import {
  AppShell,
  Box,
  Burger,
  Button,
  Container,
  Divider,
  Group,
  NavLink,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { InboxIcon, PatientsIcon } from '../features/intake/nav-icons';
import { CalendarIcon } from '../features/schedule/nav-icon';
import { AccountIcon, BuildingIcon, ClipboardIcon, HomeIcon, SignOutIcon, UsersIcon } from '../ui/icons';
import { Logo } from '../ui/logo';
import { IdleWarning } from './idle-warning';
import { type NavKey, navItemsFor } from './navigation';
import { useSession, useUser } from './session';

const ICONS: Record<NavKey, () => ReactNode> = {
  home: HomeIcon,
  intake: InboxIcon,
  patients: PatientsIcon,
  schedule: CalendarIcon,
  plans: ClipboardIcon,
  users: UsersIcon,
  organization: BuildingIcon,
  audit: ClipboardIcon,
  account: AccountIcon,
};

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** The frame of every signed-in page: header, navigation by role, and the page itself. */
export function AppLayout({ children }: { children: ReactNode }) {
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [navOpened, nav] = useDisclosure(false);

  // On a phone the navigation is a drawer: close it once a page is chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every page change by design
  useEffect(() => nav.close(), [pathname]);

  const onSignOut = async () => {
    try {
      await signOut();
      void navigate('/sign-in', { replace: true });
    } catch {
      notifications.show({
        color: 'red',
        title: 'Could not sign out',
        message: 'Trellis could not be reached. Check the connection and try again.',
      });
    }
  };

  return (
    <>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={{ base: 'md', sm: 'xl' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
                aria-expanded={navOpened}
                aria-controls="main-navigation"
              />
              <Link to="/" aria-label="Trellis, go to Home" style={{ textDecoration: 'none' }}>
                <Logo size={28} />
              </Link>
              <Divider orientation="vertical" visibleFrom="sm" h={28} style={{ alignSelf: 'center' }} />
              <Text fw={500} c="gray.8" truncate visibleFrom="sm" data-testid="organization-name">
                {user.organizationName}
              </Text>
            </Group>
            <Group gap="md" wrap="nowrap">
              <Text size="sm" c="gray.8" visibleFrom="xs" truncate maw="14rem" data-testid="user-name">
                {user.displayName}
              </Text>
              <Button
                variant="default"
                size="sm"
                leftSection={<SignOutIcon />}
                onClick={() => void onSignOut()}
              >
                Sign out
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" id="main-navigation">
          <Box component="nav" aria-label="Main">
            <Stack gap={4}>
              {navItemsFor(user).map((item) => {
                const Icon = ICONS[item.key];
                const active = isActive(pathname, item.to);
                return (
                  <NavLink
                    key={item.key}
                    component={Link}
                    to={item.to}
                    label={item.label}
                    leftSection={<Icon />}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    variant="light"
                    fz="md"
                    styles={{ label: { fontSize: 'var(--mantine-font-size-md)' } }}
                  />
                );
              })}
            </Stack>
          </Box>
          <Box hiddenFrom="sm" mt="lg" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Text size="sm" fw={600}>
              {user.displayName}
            </Text>
            <Text size="sm" c="dimmed">
              {user.organizationName}
            </Text>
          </Box>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
          <Container size="lg" px={0}>
            {children}
          </Container>
        </AppShell.Main>
      </AppShell>
      <IdleWarning />
    </>
  );
}
