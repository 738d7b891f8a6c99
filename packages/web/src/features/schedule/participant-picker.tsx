import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { useState } from 'react';
import { request } from '../../app/api-client';
import type { Output } from '../../app/types';

type SearchResult = Output<typeof api.PatientSearchResult>;

interface ParticipantPickerProps {
  value: string | null;
  /** The chosen person's name, when known (from the URL or an earlier pick). */
  label?: string | undefined;
  onChange(id: string | null, name: string | null): void;
}

/** Find a participant by name, MRN, date of birth or phone, as the patient search does. */
export function ParticipantPicker({ value, label, onChange }: ParticipantPickerProps) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: ['schedule', 'participants', q],
    queryFn: ({ signal }) => request<SearchResult>('/patients', { query: { q, limit: 20 }, signal }),
    placeholderData: (previous) => previous,
  });
  const data = (found.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.displayName} · MRN ${p.mrn}`,
  }));
  if (value && !data.some((d) => d.value === value))
    data.unshift({ value, label: label ?? 'Chosen participant' });
  return (
    <Select
      label="Participant"
      placeholder="Search by name or MRN"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={(id, option) => onChange(id, option?.label.split(' · ')[0] ?? null)}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No participant found'}
      w={{ base: '100%', sm: 320 }}
    />
  );
}
