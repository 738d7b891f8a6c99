import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { PatientOutcome } from './measures-api';
import { bandColor } from './scoring-preview';

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const longDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface OutcomeChartProps {
  outcome: PatientOutcome;
}

/**
 * Scores over time on the instrument's full range, each severity band shaded behind the line
 * (mildest green to most severe red) and labelled at the right, the baseline as a dashed line.
 * Lazy: recharts is loaded only when a chart is shown.
 */
export default function OutcomeChart({ outcome }: OutcomeChartProps) {
  const data = outcome.points
    .filter((point) => point.total !== null)
    .map((point) => ({
      at: new Date(point.administeredAt).getTime(),
      total: point.total,
      band: point.band.label,
    }));
  const min = outcome.range?.min ?? 0;
  const max = outcome.range?.max ?? Math.max(...data.map((d) => d.total ?? 0), 1);
  // Ticks at the band edges (0, 5, 10, 15, 20, 27 for the PHQ-9): the numbers clinicians know.
  const ticks = [...new Set([min, ...outcome.bands.map((band) => band.min ?? min), max])].sort(
    (a, b) => a - b,
  );
  const first = data[0]?.at ?? Date.now();
  const last = data[data.length - 1]?.at ?? first;
  const pad = Math.max((last - first) * 0.04, 86_400_000);

  return (
    <figure
      style={{ margin: 0 }}
      aria-label={`${outcome.title} scores over time`}
      data-testid="outcome-chart"
    >
      <div style={{ width: '100%', height: 320 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 12, right: 130, bottom: 8, left: 0 }}>
            {outcome.bands.map((band) => {
              const color = `var(--mantine-color-${bandColor(outcome.bands, band.code)}-5)`;
              const y1 = band.min ?? min;
              // Bands are whole-number ranges (5–9, 10–14): shade up to the next band's start.
              const y2 = band.max === undefined ? max : Math.min(band.max + (band.max < max ? 1 : 0), max);
              return (
                <ReferenceArea
                  key={band.code}
                  y1={y1}
                  y2={y2}
                  ifOverflow="hidden"
                  fill={color}
                  fillOpacity={0.16}
                  stroke="none"
                  label={{
                    value: band.label,
                    position: 'right',
                    fill: 'var(--mantine-color-gray-7)',
                    fontSize: 12,
                  }}
                />
              );
            })}
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--mantine-color-gray-3)" />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={[first - pad, last + pad]}
              tickFormatter={(value: number) => shortDate.format(value)}
              tick={{ fontSize: 12 }}
            />
            <YAxis
              domain={[min, max]}
              ticks={ticks}
              interval={0}
              allowDecimals={false}
              tick={{ fontSize: 12 }}
              width={44}
              label={{ value: 'Score', angle: -90, position: 'insideLeft', fontSize: 12 }}
            />
            {outcome.baseline?.total != null ? (
              <ReferenceLine
                y={outcome.baseline.total}
                stroke="var(--mantine-color-gray-7)"
                strokeDasharray="6 4"
                label={{
                  value: `Baseline ${outcome.baseline.total}`,
                  position: 'insideTopLeft',
                  fontSize: 12,
                }}
              />
            ) : null}
            <Tooltip
              labelFormatter={(value) => longDate.format(Number(value))}
              formatter={(value, _name, item) => [
                `${value} (${(item.payload as { band: string }).band})`,
                outcome.title,
              ]}
            />
            <Line
              type="linear"
              dataKey="total"
              stroke="var(--mantine-color-blue-8)"
              strokeWidth={3}
              dot={{ r: 5, fill: 'var(--mantine-color-blue-8)' }}
              activeDot={{ r: 7 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>
        Lower is better. Shaded bands are the {outcome.title} severity levels; the dashed line is the first
        score (baseline).
      </figcaption>
    </figure>
  );
}
