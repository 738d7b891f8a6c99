import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROLE_LABELS } from '@trellis/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../app/api-client';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import type { Organization, StaffRole } from '../../app/types';
import { changedFields, hasChanges } from '../../ui/edit-helpers';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { PageLoader } from '../../ui/page-loader';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { type ComparedField, StaleChanges } from '../../ui/stale-changes';
import { RoleCheckboxes } from '../users/role-checkboxes';
import { LOCATION_FIELDS, LocationFields, type LocationValues, locationBody } from './location-fields';
import { useLocations, useOrganization, useSaveLocation, useUpdateOrganization } from './organization-api';
import { browserTimeZone } from './time-zones';

interface SettingsValues {
  name: string;
  mfaRequiredRoles: StaffRole[];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

const settingsOf = (org: Organization): SettingsValues => ({
  name: org.name,
  mfaRequiredRoles: org.mfaRequiredRoles,
  sessionIdleMinutes: org.sessionIdleMinutes,
  sessionAbsoluteHours: org.sessionAbsoluteHours,
});

const COMPARED: ComparedField[] = [
  { key: 'name', label: 'Name' },
  {
    key: 'mfaRequiredRoles',
    label: 'Two-step sign-in required for',
    format: (v) => (v as StaffRole[]).map((r) => ROLE_LABELS[r]).join(', ') || '(no role)',
  },
  { key: 'sessionIdleMinutes', label: 'Sign out after inactivity (minutes)' },
  { key: 'sessionAbsoluteHours', label: 'Longest session (hours)' },
];

export function OrganizationPage() {
  const me = useUser();
  if (!userCan(me, 'organization.manage')) return <NotAllowed title="Organization settings" />;
  return (
    <>
      <PageHeader
        title="Organization settings"
        description="Your organization's name and sign-in rules, and the places where care happens."
      />
      <Stack gap="xl" maw="60rem">
        <SettingsSection />
        <LocationsSection />
      </Stack>
    </>
  );
}

function SettingsSection() {
  const query = useOrganization();
  if (query.isPending) return <PageLoader label="Loading settings…" />;
  if (!query.data) return <ProblemAlert error={query.error} />;
  return <SettingsForm org={query.data} />;
}

function SettingsForm({ org }: { org: Organization }) {
  const update = useUpdateOrganization();
  const [base, setBase] = useState(org);
  const [values, setValues] = useState(() => settingsOf(org));
  const [saved, setSaved] = useState(false);
  const stale = update.error instanceof ApiError && update.error.isStale ? update.error : null;
  const current = stale ? (stale.problem.current as Organization) : null;
  const mine = changedFields(settingsOf(base), values);
  const dirty = Object.keys(mine).length > 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the record's version only
  useEffect(() => {
    if (org.version !== base.version && !stale && !hasChanges(settingsOf(base), settingsOf(org)))
      setBase(org);
  }, [org.version]);

  const set = <K extends keyof SettingsValues>(key: K, value: SettingsValues[K]) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };

  const save = (from: Organization) =>
    update.mutate(
      { version: from.version, body: { ...mine, ...(mine.name ? { name: mine.name.trim() } : {}) } },
      {
        onSuccess: (next) => {
          setBase(next);
          setValues(settingsOf(next));
          setSaved(true);
        },
      },
    );

  const takeCurrent = (record: Organization) => {
    setBase(record);
    setValues(settingsOf(record));
    update.reset();
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="settings-title">
      <Title order={2} id="settings-title" mb="md">
        Organization and sign-in
      </Title>
      <form
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          save(base);
        }}
      >
        <Stack gap="lg">
          {stale && current ? (
            <StaleChanges
              what="organization's settings"
              fields={COMPARED}
              base={base}
              current={current}
              mine={mine}
              busy={update.isPending}
              onReapply={() => save(current)}
              onUseCurrent={() => takeCurrent(current)}
            />
          ) : (
            <ProblemAlert
              error={update.error}
              shownFields={['name', 'mfaRequiredRoles', 'sessionIdleMinutes', 'sessionAbsoluteHours']}
              title="Settings were not saved"
            />
          )}
          {saved && !dirty ? (
            <Text c="green.8" role="status" fw={500}>
              Settings saved. New sign-in rules apply from each person's next sign-in.
            </Text>
          ) : null}
          <TextInput
            label="Organization name"
            withAsterisk
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={fieldError(update.error, 'name')}
            maw="32rem"
          />
          <RoleCheckboxes
            label="Two-step sign-in required for"
            description="People with any of these roles must use a code from an authenticator app. Anyone can turn it on for themselves."
            value={values.mfaRequiredRoles}
            onChange={(roles) => set('mfaRequiredRoles', roles)}
            error={fieldError(update.error, 'mfaRequiredRoles')}
          />
          <Group align="flex-start" gap="lg" wrap="wrap">
            <NumberInput
              label="Sign out after inactivity"
              description="Minutes, 5 to 60"
              min={5}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              suffix=" minutes"
              value={values.sessionIdleMinutes}
              onChange={(v) => set('sessionIdleMinutes', typeof v === 'number' ? v : Number(v) || 0)}
              error={fieldError(update.error, 'sessionIdleMinutes')}
              w="15rem"
            />
            <NumberInput
              label="Longest session"
              description="Hours, 1 to 24, even when active"
              min={1}
              max={24}
              allowDecimal={false}
              allowNegative={false}
              suffix=" hours"
              value={values.sessionAbsoluteHours}
              onChange={(v) => set('sessionAbsoluteHours', typeof v === 'number' ? v : Number(v) || 0)}
              error={fieldError(update.error, 'sessionAbsoluteHours')}
              w="15rem"
            />
          </Group>
          <Group gap="sm">
            <Button type="submit" loading={update.isPending && !stale} disabled={!dirty || stale !== null}>
              Save settings
            </Button>
            {dirty && !stale ? (
              <Button variant="default" onClick={() => takeCurrent(base)}>
                Undo my changes
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const newLocation = (): LocationValues => ({
  name: '',
  timeZone: browserTimeZone(),
  addressLine: '',
  city: '',
  region: '',
  postalCode: '',
  phone: '',
  active: true,
});

function LocationsSection() {
  const locations = useLocations();
  const save = useSaveLocation();
  const [adding, setAdding] = useState(false);
  const [values, setValues] = useState(newLocation);

  const open = () => {
    save.reset();
    setValues(newLocation());
    setAdding(true);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { body: locationBody(values) },
      {
        onSuccess: (location) => {
          setAdding(false);
          notifications.show({
            color: 'green',
            title: 'Location added',
            message: `${location.name} is ready.`,
          });
        },
      },
    );
  };

  const items = locations.data ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="locations-title">
      <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
        <div>
          <Title order={2} id="locations-title">
            Locations
          </Title>
          <Text c="dimmed" size="sm">
            Each location has its own time zone and rooms.
          </Text>
        </div>
        <Button variant="light" onClick={open}>
          Add a location
        </Button>
      </Group>
      <ProblemAlert error={locations.error} />
      {locations.isPending ? (
        <PageLoader label="Loading locations…" />
      ) : items.length === 0 ? (
        <Text>No locations yet. Add the first place where your program meets.</Text>
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Time zone</Table.Th>
                <Table.Th scope="col">Address</Table.Th>
                <Table.Th scope="col">Phone</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((location) => (
                <Table.Tr key={location.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/organization/locations/${location.id}`} fw={600}>
                      {location.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{location.timeZone.replace(/_/g, ' ')}</Table.Td>
                  <Table.Td>
                    {[location.addressLine, location.city, location.region].filter(Boolean).join(', ') || '—'}
                  </Table.Td>
                  <Table.Td>{location.phone ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={location.active ? 'green' : 'gray'} variant="light" tt="none">
                      {location.active ? 'Active' : 'Inactive'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="sm" c="dimmed" mt="sm">
        Open a location to edit it and manage its rooms.
      </Text>

      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a location">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="lg">
            <ProblemAlert
              error={save.error}
              shownFields={LOCATION_FIELDS}
              title="The location was not added"
            />
            <LocationFields values={values} onChange={setValues} error={save.error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setAdding(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Add location
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
