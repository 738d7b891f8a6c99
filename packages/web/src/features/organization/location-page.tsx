import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api-client';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import type { Location, Room } from '../../app/types';
import { hasChanges, mergeChanges } from '../../ui/edit-helpers';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { PageLoader } from '../../ui/page-loader';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { type ComparedField, StaleChanges } from '../../ui/stale-changes';
import { LOCATION_FIELDS, LocationFields, locationBody, locationValues } from './location-fields';
import { useLocations, useRooms, useSaveLocation, useSaveRoom } from './organization-api';

const COMPARED_LOCATION: ComparedField[] = [
  { key: 'name', label: 'Name' },
  { key: 'timeZone', label: 'Time zone' },
  { key: 'addressLine', label: 'Street address' },
  { key: 'city', label: 'City' },
  { key: 'region', label: 'State or region' },
  { key: 'postalCode', label: 'Postal code' },
  { key: 'phone', label: 'Phone' },
  { key: 'active', label: 'Active' },
];

const COMPARED_ROOM: ComparedField[] = [
  { key: 'name', label: 'Name' },
  { key: 'capacity', label: 'Capacity' },
  { key: 'active', label: 'Active' },
];

export function LocationPage() {
  const me = useUser();
  const { id = '' } = useParams();
  const locations = useLocations();
  if (!userCan(me, 'organization.manage')) return <NotAllowed title="Location" />;
  if (locations.isPending) return <PageLoader label="Loading the location…" />;
  const location = locations.data?.find((l) => l.id === id);
  return (
    <>
      <Breadcrumbs mb="sm" aria-label="You are here">
        <Anchor component={Link} to="/organization">
          Organization settings
        </Anchor>
        <Text>{location?.name ?? 'Location'}</Text>
      </Breadcrumbs>
      {location ? (
        <>
          <PageHeader
            title={location.name}
            description={`Time zone: ${location.timeZone.replace(/_/g, ' ')}`}
          />
          <Stack gap="xl" maw="52rem">
            <LocationForm key={location.id} location={location} />
            <RoomsSection location={location} />
          </Stack>
        </>
      ) : (
        <>
          <PageHeader title="Location" />
          {locations.error ? (
            <ProblemAlert error={locations.error} />
          ) : (
            <Text>There is no location at this address in your organization.</Text>
          )}
        </>
      )}
    </>
  );
}

function LocationForm({ location }: { location: Location }) {
  const save = useSaveLocation();
  const [base, setBase] = useState(location);
  const [values, setValues] = useState(() => locationValues(location));
  const [saved, setSaved] = useState(false);
  const stale = save.error instanceof ApiError && save.error.isStale ? save.error : null;
  const current = stale ? (stale.problem.current as Location) : null;
  const dirty = hasChanges(locationValues(base), values);

  const submit = (from: Location) => {
    // Only this person's changes go on top of the version being replaced (PUT sends everything).
    const merged = mergeChanges(locationValues(base), locationValues(from), values);
    save.mutate(
      { id: from.id, version: from.version, body: locationBody(merged) },
      {
        onSuccess: (next) => {
          setBase(next);
          setValues(locationValues(next));
          setSaved(true);
        },
      },
    );
  };
  const takeCurrent = (record: Location) => {
    setBase(record);
    setValues(locationValues(record));
    save.reset();
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="location-title">
      <Title order={2} id="location-title" mb="md">
        Details
      </Title>
      <form
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          submit(base);
        }}
      >
        <Stack gap="lg">
          {stale && current ? (
            <StaleChanges
              what="location"
              fields={COMPARED_LOCATION}
              base={base}
              current={current}
              mine={locationBody(values)}
              busy={save.isPending}
              onReapply={() => submit(current)}
              onUseCurrent={() => takeCurrent(current)}
            />
          ) : (
            <ProblemAlert
              error={save.error}
              shownFields={LOCATION_FIELDS}
              title="Your changes were not saved"
            />
          )}
          {saved && !dirty ? (
            <Text c="green.8" role="status" fw={500}>
              Changes saved.
            </Text>
          ) : null}
          <LocationFields
            values={values}
            onChange={(next) => {
              setSaved(false);
              setValues(next);
            }}
            error={save.error}
            showActive
          />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending && !stale} disabled={!dirty || stale !== null}>
              Save changes
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

interface RoomValues {
  name: string;
  capacity: number | '';
  active: boolean;
}

const roomValues = (room: Room | null): RoomValues =>
  room
    ? { name: room.name, capacity: room.capacity, active: room.active }
    : { name: '', capacity: '', active: true };

function RoomsSection({ location }: { location: Location }) {
  const rooms = useRooms(location.id);
  // undefined: no dialog; null: a new room; a room: editing it.
  const [editing, setEditing] = useState<Room | null | undefined>(undefined);
  const items = rooms.data ?? [];

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="rooms-title">
      <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
        <div>
          <Title order={2} id="rooms-title">
            Rooms
          </Title>
          <Text c="dimmed" size="sm">
            Where groups and sessions meet at {location.name}. Capacity is the most people the room seats.
          </Text>
        </div>
        <Button variant="light" onClick={() => setEditing(null)}>
          Add a room
        </Button>
      </Group>
      <ProblemAlert error={rooms.error} />
      {rooms.isPending ? (
        <PageLoader label="Loading rooms…" />
      ) : items.length === 0 ? (
        <Text>No rooms yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Capacity</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((room) => (
                <Table.Tr key={room.id}>
                  <Table.Td fw={500}>{room.name}</Table.Td>
                  <Table.Td>{room.capacity}</Table.Td>
                  <Table.Td>
                    <Badge color={room.active ? 'green' : 'gray'} variant="light" tt="none">
                      {room.active ? 'Active' : 'Inactive'}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      variant="subtle"
                      size="xs"
                      onClick={() => setEditing(room)}
                      aria-label={`Edit ${room.name}`}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing !== undefined ? (
        <RoomDialog
          key={editing?.id ?? 'new'}
          locationId={location.id}
          room={editing}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </Card>
  );
}

function RoomDialog({
  locationId,
  room,
  onClose,
}: {
  locationId: string;
  room: Room | null;
  onClose(): void;
}) {
  const save = useSaveRoom();
  const [base, setBase] = useState(room);
  const [values, setValues] = useState(() => roomValues(room));
  const [localError, setLocalError] = useState<string | undefined>();
  const stale = save.error instanceof ApiError && save.error.isStale ? save.error : null;
  const current = stale ? (stale.problem.current as Room) : null;

  const submit = (from: Room | null) => {
    if (values.capacity === '') {
      setLocalError('Enter how many people the room seats.');
      return;
    }
    setLocalError(undefined);
    const mine = { ...values, capacity: values.capacity };
    const merged = base && from ? mergeChanges(roomValues(base), roomValues(from), mine) : mine;
    const body = {
      locationId,
      name: merged.name.trim(),
      capacity: Number(merged.capacity),
      active: merged.active,
    };
    save.mutate(from ? { id: from.id, version: from.version, body } : { body }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={room ? `Edit ${room.name}` : 'Add a room'} size="md">
      <form
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          submit(base);
        }}
      >
        <Stack gap="md">
          {stale && current && base ? (
            <StaleChanges
              what="room"
              fields={COMPARED_ROOM}
              base={base}
              current={current}
              mine={{ ...values }}
              busy={save.isPending}
              onReapply={() => submit(current)}
              onUseCurrent={() => {
                setBase(current);
                setValues(roomValues(current));
                save.reset();
              }}
            />
          ) : (
            <ProblemAlert
              error={save.error}
              shownFields={['name', 'capacity', 'active']}
              title={room ? 'Your changes were not saved' : 'The room was not added'}
            />
          )}
          <TextInput
            label="Name"
            withAsterisk
            data-autofocus
            value={values.name}
            onChange={(event) => {
              const name = event.currentTarget.value;
              setValues((v) => ({ ...v, name }));
            }}
            error={fieldError(save.error, 'name')}
          />
          <NumberInput
            label="Capacity"
            description="The most people the room seats"
            withAsterisk
            min={1}
            max={500}
            allowDecimal={false}
            allowNegative={false}
            value={values.capacity}
            onChange={(v) => setValues((old) => ({ ...old, capacity: v === '' ? '' : Number(v) }))}
            error={localError ?? fieldError(save.error, 'capacity')}
            w="12rem"
          />
          {room ? (
            <Switch
              label="Active"
              description="An inactive room is kept for the record but not offered for new sessions."
              checked={values.active}
              onChange={(event) => {
                const active = event.currentTarget.checked;
                setValues((v) => ({ ...v, active }));
              }}
            />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending && !stale}>
              {room ? 'Save room' : 'Add room'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
