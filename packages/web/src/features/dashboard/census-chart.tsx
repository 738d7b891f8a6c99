import { Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Track } from './dashboard-api';

const SERIES = [
  { key: 'active', label: 'Attending', color: 'var(--mantine-color-teal-7)' },
  { key: 'pending', label: 'Admitted, not started', color: 'var(--mantine-color-blue-4)' },
  { key: 'onHold', label: 'On hold', color: 'var(--mantine-color-orange-4)' },
  { key: 'free', label: 'Open places', color: 'var(--mantine-color-gray-3)' },
] as const;

/** Short enough for an axis label: the track's name before its dash ("Adult Mental Health IOP"). */
export function trackShortName(name: string): string {
  return name.split(/ [—–-] /)[0] ?? name;
}

/**
 * Each track's places at a glance: who attends, who is admitted but has not started, who is on
 * hold, and what is still open against the track's capacity.
 */
export function CensusChart({ tracks }: { tracks: readonly Track[] }) {
  if (tracks.length === 0) return null;
  const rows = tracks.map((t) => ({
    name: trackShortName(t.name),
    fullName: t.name,
    active: t.census.active,
    pending: t.census.pending,
    onHold: t.census.onHold,
    free: Math.max(0, t.capacity - t.census.open),
    capacity: t.capacity,
  }));
  const summary = rows.map((r) => `${r.fullName}: ${r.active} attending of ${r.capacity} places`).join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <div style={{ width: '100%', height: 56 + rows.length * 44 }} role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 12, bottom: 4, left: 4 }}
            barSize={22}
          >
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} fontSize={12} />
            <YAxis type="category" dataKey="name" width={150} fontSize={12} tickLine={false} />
            <Tooltip
              labelFormatter={(_, payload) => payload?.[0]?.payload?.fullName ?? ''}
              formatter={(value, key) => [value, SERIES.find((s) => s.key === key)?.label ?? key]}
            />
            <Legend
              formatter={(key) => (
                <span style={{ color: 'var(--mantine-color-text)' }}>
                  {SERIES.find((s) => s.key === key)?.label ?? key}
                </span>
              )}
              wrapperStyle={{ fontSize: 12 }}
              itemSorter={null}
            />
            {SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} stackId="places" fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Text component="figcaption" size="xs" c="dimmed">
        Places taken and open in each track today.
      </Text>
    </figure>
  );
}
