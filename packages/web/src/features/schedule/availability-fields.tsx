import { Checkbox, Group, Radio, Stack, Text, TextInput } from '@mantine/core';

/** The participant's stated times by ISO weekday ('1' = Monday); null: any time the program is open. */
export type Availability = Record<string, { start: string; end: string }[]> | null;

const DAYS = [
  ['1', 'Monday'],
  ['2', 'Tuesday'],
  ['3', 'Wednesday'],
  ['4', 'Thursday'],
  ['5', 'Friday'],
  ['6', 'Saturday'],
  ['7', 'Sunday'],
] as const;

/** The same availability, written the same way, compares equal (for "has anything changed"). */
export function sameAvailability(a: Availability, b: Availability): boolean {
  const norm = (v: Availability) =>
    v === null
      ? 'any'
      : JSON.stringify(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        );
  return norm(a) === norm(b);
}

/** A window that is not complete yet ("from" without "to", or ending before it starts). */
export function availabilityProblem(value: Availability): string | null {
  if (value === null) return null;
  for (const [day, windows] of Object.entries(value)) {
    for (const w of windows) {
      if (!w.start || !w.end || w.start >= w.end) {
        const name = DAYS.find(([d]) => d === day)?.[1] ?? day;
        return `${name}: give a time from and a later time to.`;
      }
    }
  }
  return Object.keys(value).length === 0 ? 'Tick at least one day, or choose “any time”.' : null;
}

interface Props {
  value: Availability;
  onChange(value: Availability): void;
  disabled: boolean;
  error?: string | undefined;
}

/**
 * When the participant can come for individual and family sessions, so the slot finder proposes
 * only those times: any time the program is open, or chosen days with a time from and to. A day
 * with several windows keeps the later ones as they are; the first is edited here.
 */
export function AvailabilityFields({ value, onChange, disabled, error }: Props) {
  const limited = value !== null;
  const setDay = (day: string, window: { start: string; end: string } | null) => {
    const next = { ...(value ?? {}) };
    if (window === null) delete next[day];
    else next[day] = [window, ...(value?.[day]?.slice(1) ?? [])];
    onChange(next);
  };
  return (
    <Stack gap={6}>
      <Radio.Group
        label="When they can come for individual and family sessions"
        description="The slot finder proposes only these times."
        value={limited ? 'limited' : 'any'}
        onChange={(v) => onChange(v === 'any' ? null : (value ?? {}))}
      >
        <Group gap="lg" mt={6}>
          <Radio value="any" label="Any time the program is open" disabled={disabled} />
          <Radio value="limited" label="Only at these times" disabled={disabled} />
        </Group>
      </Radio.Group>
      {limited ? (
        <Stack gap={4} role="group" aria-label="Times they can come">
          {DAYS.map(([day, name]) => {
            const window = value?.[day]?.[0] ?? null;
            return (
              <Group key={day} gap="sm" wrap="nowrap" align="center">
                <Checkbox
                  label={name}
                  w={120}
                  checked={window !== null}
                  disabled={disabled}
                  onChange={(e) =>
                    setDay(day, e.currentTarget.checked ? { start: '09:00', end: '17:00' } : null)
                  }
                />
                {window ? (
                  <>
                    <TextInput
                      type="time"
                      aria-label={`${name} from`}
                      value={window.start}
                      disabled={disabled}
                      onChange={(e) => setDay(day, { ...window, start: e.currentTarget.value })}
                      w={150}
                    />
                    <Text size="sm">to</Text>
                    <TextInput
                      type="time"
                      aria-label={`${name} to`}
                      value={window.end}
                      disabled={disabled}
                      onChange={(e) => setDay(day, { ...window, end: e.currentTarget.value })}
                      w={150}
                    />
                    {(value?.[day]?.length ?? 0) > 1 ? (
                      <Text size="xs" c="dimmed">
                        and {(value?.[day]?.length ?? 1) - 1} more
                      </Text>
                    ) : null}
                  </>
                ) : null}
              </Group>
            );
          })}
        </Stack>
      ) : null}
      {error ? (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
