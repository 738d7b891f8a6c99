import { Badge, Button, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { type DiagnosisCode, useDiagnosisSearch } from './intake-api';

/** Diagnoses from the curated ICD-10-CM list: search by code or words, the first chosen is primary. */
export function DiagnosisPicker({
  value,
  onChange,
  error,
}: {
  value: DiagnosisCode[];
  onChange(next: DiagnosisCode[]): void;
  error?: string | undefined;
}) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 150);
  const search = useDiagnosisSearch(debounced);
  const chosen = new Set(value.map((d) => d.code));
  const results = debounced ? (search.data ?? []).filter((d) => !chosen.has(d.code)).slice(0, 8) : [];

  return (
    <Stack gap="xs">
      <TextInput
        label="Search diagnoses"
        description="ICD-10-CM code or words, e.g. “F33” or “depress”. The first one chosen is the primary diagnosis."
        placeholder="Type to search"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        error={error}
      />
      {results.length > 0 ? (
        <Stack gap={4} role="group" aria-label="Matching diagnoses">
          {results.map((d) => (
            <Button
              key={d.code}
              variant="default"
              justify="flex-start"
              h="auto"
              py={6}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              aria-label={`Add ${d.code} ${d.text}`}
              onClick={() => {
                onChange([...value, d]);
                setQ('');
              }}
            >
              <Text size="sm" fw={700} mr={8} ff="monospace">
                {d.code}
              </Text>
              <Text size="sm">{d.text}</Text>
              {d.substanceUse ? (
                <Badge size="xs" ml={8} color="violet" variant="light">
                  Part 2
                </Badge>
              ) : null}
            </Button>
          ))}
        </Stack>
      ) : debounced && search.data && !search.isFetching ? (
        <Text size="sm" c="dimmed">
          No diagnosis on the list matches “{debounced}”.
        </Text>
      ) : null}
      {value.length > 0 ? (
        <Stack gap={4} aria-label="Chosen diagnoses" role="list">
          {value.map((d, i) => (
            <Group key={d.code} gap="xs" wrap="nowrap" role="listitem">
              <Badge variant={i === 0 ? 'filled' : 'light'} style={{ flexShrink: 0 }}>
                {i === 0 ? 'Primary' : 'Secondary'}
              </Badge>
              <Text size="sm">
                <strong>{d.code}</strong> {d.text}
              </Text>
              <CloseButton
                size="sm"
                aria-label={`Remove ${d.code}`}
                onClick={() => onChange(value.filter((x) => x.code !== d.code))}
              />
            </Group>
          ))}
          {value.some((d) => d.substanceUse) ? (
            <Text size="xs" c="violet.8">
              A substance use diagnosis protects this episode’s records under 42 CFR Part 2.
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
