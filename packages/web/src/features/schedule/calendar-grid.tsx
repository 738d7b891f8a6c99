import { Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import './calendar.css';
import { dateOf, hourSpan, longDay, minutesOf, placeInLanes, shortDay, timeRange } from './calendar-layout';
import type { CalendarItem } from './schedule-api';

const HOUR_PX = 76;

/** "Group Room A", "Virtual". */
export function whereOf(item: CalendarItem): string {
  if (item.mode === 'virtual') return 'Virtual';
  return item.room?.name ?? 'No room';
}

export function whoOf(item: CalendarItem): string {
  return item.facilitators.map((f) => f.name).join(', ') || 'No facilitator';
}

/** "8/12" for a group; the participants' count for a session. */
function Fill({ item }: { item: CalendarItem }) {
  if (item.capacity === null) return null;
  const full = item.participantCount >= item.capacity;
  return (
    <span
      className="cal-fill"
      data-full={full}
      title={`${item.participantCount} enrolled of ${item.capacity} places`}
    >
      {item.participantCount}/{item.capacity}
    </span>
  );
}

/** The words a screen reader says for a block: everything the eye takes from it. */
export function describeItem(item: CalendarItem): string {
  const parts = [
    item.status === 'cancelled' ? 'Cancelled:' : item.status === 'moved' ? 'Moved:' : '',
    item.title,
    `${longDay(dateOf(item.start))}, ${timeRange(item.start, item.end)}`,
    whereOf(item),
    whoOf(item),
    item.capacity !== null ? `${item.participantCount} of ${item.capacity} places taken` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

interface BlockProps {
  item: CalendarItem;
  style?: CSSProperties;
  /** How tall the block is, in minutes: short blocks fold their lines together. */
  minutes?: number;
  onOpen(item: CalendarItem): void;
}

export function CalendarBlock({ item, style, minutes = 120, onOpen }: BlockProps) {
  const cancelled = item.status === 'cancelled';
  const full = item.capacity !== null && item.participantCount >= item.capacity && !cancelled;
  // Under 40 minutes: title and time; under 80: three lines; longer: everything.
  const compact = minutes < 40;
  const short = !compact && minutes < 80;
  return (
    <button
      type="button"
      className="cal-block"
      data-type={item.type}
      data-mode={item.mode}
      data-status={item.status}
      data-size={compact ? 'compact' : short ? 'short' : 'full'}
      data-testid="calendar-block"
      style={style}
      aria-label={describeItem(item)}
      onClick={() => onOpen(item)}
    >
      {cancelled || full || item.status === 'moved' ? (
        <div className="cal-flags">
          {cancelled ? <span className="cal-flag">Cancelled</span> : null}
          {item.status === 'moved' ? (
            <span className="cal-flag" data-kind="moved">
              Moved
            </span>
          ) : null}
          {full ? (
            <span className="cal-flag" data-kind="full">
              Full
            </span>
          ) : null}
        </div>
      ) : null}
      <div className="cal-title">{item.title}</div>
      <div className="cal-line">
        <span className="cal-time">{timeRange(item.start, item.end)}</span>
        {compact || short ? ` · ${whereOf(item)}` : null}
      </div>
      {compact ? null : short ? (
        <div className="cal-line">
          {item.capacity !== null ? (
            <>
              <Fill item={item} />
              {' · '}
            </>
          ) : null}
          {whoOf(item)}
        </div>
      ) : (
        <>
          <div className="cal-line">
            {whereOf(item)}
            {item.capacity !== null ? ' · ' : ''}
            <Fill item={item} />
          </div>
          <div className="cal-line">{whoOf(item)}</div>
          {item.module && minutes >= 80 ? <div className="cal-line">{item.module}</div> : null}
        </>
      )}
    </button>
  );
}

interface GridProps {
  days: readonly string[];
  items: readonly CalendarItem[];
  today: string;
  onOpen(item: CalendarItem): void;
}

/** Days side by side, hours down the side; each block sits at its local start and end. */
export function TimeGrid({ days, items, today, onOpen }: GridProps) {
  const { first, last } = hourSpan(items);
  const height = (last - first) * HOUR_PX;
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const top = (local: string) => ((minutesOf(local) - first * 60) / 60) * HOUR_PX;
  return (
    <div
      className="cal"
      style={{ '--cal-days': days.length, '--cal-hour': `${HOUR_PX}px` } as CSSProperties}
      data-testid="calendar-grid"
    >
      <div className="cal-head">
        <div />
        {days.map((day) => (
          <div key={day} className="cal-dayname" data-today={day === today}>
            {shortDay(day)}
          </div>
        ))}
      </div>
      <div className="cal-body">
        <div className="cal-hours" style={{ height }} aria-hidden="true">
          {hours.map((hour) => (
            <span key={hour} className="cal-hour-label" style={{ top: (hour - first) * HOUR_PX }}>
              {hour === first ? '' : `${String(hour).padStart(2, '0')}:00`}
            </span>
          ))}
        </div>
        {days.map((day) => {
          const placed = placeInLanes(items.filter((item) => dateOf(item.start) === day));
          return (
            <section
              key={day}
              className="cal-day"
              data-today={day === today}
              style={{ height }}
              aria-label={`${longDay(day)}: ${placed.length === 0 ? 'nothing planned' : `${placed.length} planned`}`}
            >
              {placed.map(({ item, lane, lanes }) => {
                const startPx = top(item.start);
                const endPx = dateOf(item.end) === day ? top(item.end) : height;
                const width = 100 / lanes;
                return (
                  <CalendarBlock
                    key={item.id}
                    item={item}
                    minutes={((endPx - startPx) / HOUR_PX) * 60}
                    onOpen={onOpen}
                    style={{
                      top: startPx + 1,
                      height: Math.max(endPx - startPx - 2, 22),
                      left: `calc(${lane * width}% + 2px)`,
                      width: `calc(${width}% - 4px)`,
                    }}
                  />
                );
              })}
            </section>
          );
        })}
      </div>
    </div>
  );
}

/** The same sessions as a list under each day: what a phone shows for a week. */
export function Agenda({ days, items, onOpen }: Omit<GridProps, 'today'>) {
  return (
    <div data-testid="calendar-agenda">
      {days.map((day) => {
        const list = items.filter((item) => dateOf(item.start) === day);
        return (
          <section key={day} className="agenda-day" aria-label={longDay(day)}>
            <h3>{longDay(day)}</h3>
            {list.length === 0 ? (
              <Text c="dimmed" size="sm">
                Nothing planned.
              </Text>
            ) : (
              list.map((item) => <CalendarBlock key={item.id} item={item} onOpen={onOpen} />)
            )}
          </section>
        );
      })}
    </div>
  );
}
