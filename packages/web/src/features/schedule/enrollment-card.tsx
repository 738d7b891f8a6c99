import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { todayIso } from '../../ui/format';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import {
  type Availability,
  AvailabilityFields,
  availabilityProblem,
  sameAvailability,
} from './availability-fields';
import { hoursText } from './calendar-layout';
import { WEEKDAYS } from './labels';
import { checkPattern, meetingDays, runningOn } from './pattern-check';
import {
  type Enrollment,
  type Series,
  type Track,
  useEnrollment,
  useSaveEnrollment,
  useTrackSeries,
  useTracks,
} from './schedule-api';

export interface OpenEpisode {
  id: string;
  status: string;
  admissionDate: string;
  trackId: string;
  trackName: string;
}

interface EnrollmentCardProps {
  episode: OpenEpisode;
  canManage: boolean;
}

/** The participant's days in the track's groups, checked live against the track's intensity. */
export function EnrollmentCard({ episode, canManage }: EnrollmentCardProps) {
  const enrollment = useEnrollment(episode.id);
  const tracks = useTracks();
  const series = useTrackSeries(episode.trackId);
  const track = tracks.data?.find((t) => t.id === episode.trackId);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="enrollment-title">
      <Title order={2} fz="lg" id="enrollment-title" mb={4}>
        Groups and attendance days
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {episode.trackName}. Choose the days this participant comes, with them; the track's minimum is checked
        as you tick.
      </Text>
      <ProblemAlert error={enrollment.error ?? tracks.error ?? series.error} />
      {enrollment.isPending || tracks.isPending || series.isPending ? <Skeleton h={160} /> : null}
      {enrollment.data !== undefined && track && series.data ? (
        <PatternForm
          key={`${enrollment.data?.id ?? 'new'}-${enrollment.data?.version ?? 0}`}
          episode={episode}
          enrollment={enrollment.data}
          track={track}
          series={series.data}
          canManage={canManage}
        />
      ) : null}
    </Card>
  );
}

/** The later of two 'YYYY-MM-DD' dates. */
function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

interface PatternFormProps {
  episode: OpenEpisode;
  enrollment: Enrollment | null;
  track: Track;
  series: Series[];
  canManage: boolean;
}

function PatternForm({ episode, enrollment, track, series, canManage }: PatternFormProps) {
  const today = todayIso();
  const [startDate, setStartDate] = useState(enrollment?.startDate ?? laterOf(episode.admissionDate, today));
  // The pattern counts from the enrollment's first day, or today once it has begun (as the server).
  const asOf = laterOf(startDate, today);
  const running = useMemo(() => runningOn(series, asOf), [series, asOf]);
  const trackDays = meetingDays(running);
  const [days, setDays] = useState<string[]>(
    (enrollment?.weekdays ?? trackDays).filter((d) => trackDays.includes(d)).map(String),
  );
  const [reason, setReason] = useState(enrollment?.belowMinimumReason ?? '');
  const savedAvailability: Availability = enrollment?.availability ?? null;
  const [availability, setAvailability] = useState<Availability>(savedAvailability);
  const availabilityError = availabilityProblem(availability);
  const save = useSaveEnrollment(episode.id);
  const chosen = days.map(Number).sort((a, b) => a - b);
  const check = checkPattern(running, chosen, track);
  const rule = track.intensity;
  const below = !check.meetsMinimum;
  const savedDays = enrollment ? (enrollment.weekdays ?? trackDays) : null;
  const changed =
    !enrollment ||
    JSON.stringify(savedDays) !== JSON.stringify(chosen) ||
    (below && reason.trim() !== (enrollment.belowMinimumReason ?? '')) ||
    !sameAvailability(availability, savedAvailability);
  const titleOf = (id: string) => series.find((s) => s.id === id)?.title ?? 'Group';

  const submit = () => {
    const body = {
      weekdays: chosen,
      availability,
      ...(below ? { reason: reason.trim() } : {}),
      ...(enrollment ? {} : { startDate }),
    };
    save.mutate(enrollment ? { version: enrollment.version, body } : { body }, {
      onSuccess: (saved) =>
        notifications.show({
          color: 'teal',
          title: enrollment ? 'Days saved' : 'Enrolled',
          message: `${saved.pattern.days} days, ${hoursText(saved.pattern.hours)} a week${
            saved.belowMinimumReason ? ' (below the minimum, reason recorded)' : ''
          }.`,
        }),
    });
  };

  if (trackDays.length === 0) {
    return (
      <Alert color="orange" variant="light">
        {track.name} has no group series running on {asOf} yet. Create the track's groups on the Schedule page
        first.
      </Alert>
    );
  }

  const clash = save.error instanceof ApiError && save.error.status === 409 && !save.error.isStale;
  return (
    <Stack gap="md">
      {enrollment ? (
        <Group gap="xs">
          <Badge color="teal" variant="light">
            Enrolled since {enrollment.startDate}
          </Badge>
          {enrollment.endDate ? <Badge color="gray">Until {enrollment.endDate}</Badge> : null}
          {enrollment.belowMinimumReason ? (
            <Badge color="orange" variant="light">
              Below minimum, reason recorded
            </Badge>
          ) : null}
        </Group>
      ) : (
        <Text>Not enrolled in the track's groups yet.</Text>
      )}
      <Checkbox.Group
        label="Attendance days"
        description={`The track meets on ${trackDays.map((d) => WEEKDAYS[d - 1]?.long).join(', ')}.`}
        value={days}
        onChange={setDays}
        error={fieldError(save.error, 'weekdays')}
      >
        <Group gap="lg" mt={8}>
          {WEEKDAYS.map((d) => {
            const meets = trackDays.includes(d.value);
            return (
              <Checkbox
                key={d.value}
                value={String(d.value)}
                label={meets ? d.short : `${d.short} (no group)`}
                aria-label={d.long}
                disabled={!meets || !canManage}
              />
            );
          })}
        </Group>
      </Checkbox.Group>

      <IntensitySummary
        days={check.days}
        hours={check.totalHours}
        meets={check.meetsMinimum}
        problems={check.problems.map((p) => p.message)}
        minDays={rule.minDaysPerWeek}
        minHours={rule.minHoursPerWeek}
        maxDays={rule.maxDaysPerWeek}
        maxHours={rule.maxHoursPerWeek}
      />
      {check.perDay.length > 0 ? (
        <List size="sm" spacing={2} aria-label="Planned days">
          {check.perDay.map((d) => (
            <List.Item key={d.weekday}>
              <Text span fw={600}>
                {d.label}
              </Text>{' '}
              {hoursText(d.hours)}: {d.seriesIds.map(titleOf).join(', ')}
            </List.Item>
          ))}
        </List>
      ) : null}

      {below && canManage ? (
        <Textarea
          label="Reason for planning below the minimum"
          description="Required. It is kept with the enrollment (payers accept short step-down periods when the reason is documented)."
          placeholder="Works Thursdays; step-down agreed with the care team for two weeks."
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          error={fieldError(save.error, 'reason')}
        />
      ) : null}
      <AvailabilityFields
        value={availability}
        onChange={setAvailability}
        disabled={!canManage}
        error={
          fieldError(save.error, 'availability') ??
          (availability !== null ? (availabilityError ?? undefined) : undefined)
        }
      />
      {!enrollment && canManage ? (
        <TextInput
          type="date"
          label="First day in the groups"
          description={`Admission: ${episode.admissionDate}. Anyone can join any week.`}
          value={startDate}
          onChange={(e) => setStartDate(e.currentTarget.value)}
          error={fieldError(save.error, 'startDate')}
          w={220}
        />
      ) : null}
      <ProblemAlert
        error={save.error}
        shownFields={['weekdays', 'reason', 'startDate', 'schedule', 'availability']}
        {...(clash ? { title: 'Not saved: it clashes with the calendar' } : {})}
      />
      {canManage ? (
        <Group>
          <Button
            onClick={submit}
            loading={save.isPending}
            disabled={
              chosen.length === 0 || (below && reason.trim() === '') || !changed || availabilityError !== null
            }
          >
            {enrollment ? 'Save attendance days' : 'Enroll on these days'}
          </Button>
          {below && reason.trim() === '' ? (
            <Text size="sm" c="dimmed">
              Write the reason to save a pattern below the minimum.
            </Text>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

interface SummaryProps {
  days: number;
  hours: number;
  meets: boolean;
  problems: string[];
  minDays: number;
  minHours: number;
  maxDays: number;
  maxHours: number;
}

/** Planned days and hours against the rule, in one line, then what is wrong in the rule's words. */
export function IntensitySummary(props: SummaryProps) {
  const planned = `${props.days} ${props.days === 1 ? 'day' : 'days'}, ${hoursText(props.hours)} a week`;
  const rule = `This track: ${props.minDays}–${props.maxDays} days and ${hoursText(props.minHours)}–${hoursText(props.maxHours)} a week.`;
  if (props.problems.length === 0) {
    return (
      <Alert color="teal" variant="light" title={`Planned: ${planned}`} data-testid="intensity" role="status">
        Meets the track's intensity. {rule}
      </Alert>
    );
  }
  return (
    <Alert
      color={props.meets ? 'yellow' : 'orange'}
      variant="light"
      title={props.meets ? `Planned: ${planned}. Check the days` : `Below the track's minimum: ${planned}`}
      data-testid="intensity"
      role="status"
    >
      <List size="sm" spacing={2}>
        {props.problems.map((message) => (
          <List.Item key={message}>{message}</List.Item>
        ))}
      </List>
      <Text size="sm" mt={6}>
        {rule}
      </Text>
    </Alert>
  );
}
