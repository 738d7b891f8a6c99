import { Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { type ChangeEvent, useMemo } from 'react';
import type { Location } from '../../app/types';
import { fieldError } from '../../ui/problem-alert';
import type { LocationBody } from './organization-api';
import { timeZoneOptions } from './time-zones';

export interface LocationValues {
  name: string;
  timeZone: string;
  addressLine: string;
  city: string;
  region: string;
  postalCode: string;
  phone: string;
  active: boolean;
}

export const LOCATION_FIELDS = [
  'name',
  'timeZone',
  'addressLine',
  'city',
  'region',
  'postalCode',
  'phone',
  'active',
];

export function locationValues(location: Location): LocationValues {
  return {
    name: location.name,
    timeZone: location.timeZone,
    addressLine: location.addressLine ?? '',
    city: location.city ?? '',
    region: location.region ?? '',
    postalCode: location.postalCode ?? '',
    phone: location.phone ?? '',
    active: location.active,
  };
}

const orNull = (text: string) => text.trim() || null;

export function locationBody(values: LocationValues): LocationBody {
  return {
    name: values.name.trim(),
    timeZone: values.timeZone,
    addressLine: orNull(values.addressLine),
    city: orNull(values.city),
    region: orNull(values.region),
    postalCode: orNull(values.postalCode),
    phone: orNull(values.phone),
    active: values.active,
  };
}

interface LocationFieldsProps {
  values: LocationValues;
  onChange(values: LocationValues): void;
  error: unknown;
  /** A new location is active; the switch appears when editing. */
  showActive?: boolean;
}

export function LocationFields({ values, onChange, error, showActive = false }: LocationFieldsProps) {
  const zones = useMemo(timeZoneOptions, []);
  const set = <K extends keyof LocationValues>(key: K, value: LocationValues[K]) =>
    onChange({ ...values, [key]: value });
  const text = (key: Exclude<keyof LocationValues, 'active'>) => ({
    value: values[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value),
    error: fieldError(error, key),
  });

  return (
    <Stack gap="md">
      <TextInput label="Name" description="As staff and patients call it" withAsterisk {...text('name')} />
      <Select
        label="Time zone"
        description="Schedules at this location are kept in its local time, across daylight-saving changes."
        withAsterisk
        searchable
        data={zones}
        value={values.timeZone}
        onChange={(zone) => zone && set('timeZone', zone)}
        error={fieldError(error, 'timeZone')}
        nothingFoundMessage="No time zone by that name"
        maxDropdownHeight={280}
        limit={60}
        allowDeselect={false}
      />
      <TextInput label="Street address" autoComplete="off" {...text('addressLine')} />
      <Group grow align="flex-start" wrap="wrap" gap="md">
        <TextInput label="City" miw="10rem" {...text('city')} />
        <TextInput label="State or region" miw="8rem" {...text('region')} />
        <TextInput label="Postal code" miw="7rem" {...text('postalCode')} />
      </Group>
      <TextInput label="Phone" type="tel" maw="20rem" {...text('phone')} />
      {showActive ? (
        <Switch
          label="Active"
          description="An inactive location is kept for the record but offered nowhere new."
          checked={values.active}
          onChange={(event) => set('active', event.currentTarget.checked)}
        />
      ) : null}
    </Stack>
  );
}
