import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ProblemAlert } from '../../ui/problem-alert';
import { type DuePlanItem, useDuePlans, useStaff } from './plans-api';

const PLAN_STATUS: Record<DuePlanItem['planStatus'], string> = {
  none: 'no plan started',
  draft: 'draft',
  awaiting_signatures: 'awaiting signatures',
  signed: 'signed',
  voided: 'draft',
};

const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

function whenText(item: DuePlanItem): string {
  const days = Math.abs(item.daysLeft);
  if (item.daysLeft < 0) return `${days} ${days === 1 ? 'day' : 'days'} overdue`;
  if (item.daysLeft === 0) return 'Due today';
  return `Due ${shortDay.format(new Date(`${item.dueDate}T12:00:00`))} (in ${days} ${days === 1 ? 'day' : 'days'})`;
}

/**
 * Home: treatment plans to sign or review soon or late. A clinician sees their caseload; a
 * director sees every clinician's, overdue first.
 */
export function DuePlansCard({ scope }: { scope: 'mine' | 'all' }) {
  const due = useDuePlans(scope);
  // A director's list says whose caseload each plan is on.
  const staff = useStaff(scope === 'all');
  const clinicianName = (id: string) => staff.data?.find((u) => u.id === id)?.displayName;
  const items = [...(due.data?.items ?? [])].sort((a, b) => a.daysLeft - b.daysLeft);
  const overdue = items.filter((i) => i.state === 'overdue').length;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="due-plans">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} fz="lg" id="due-plans">
          {scope === 'all' ? 'Treatment plans due (all clinicians)' : 'Treatment plans due'}
        </Title>
        {overdue > 0 ? (
          <Badge color="red" variant="filled">
            {overdue} overdue
          </Badge>
        ) : null}
      </Group>
      <ProblemAlert error={due.error} title="Due plans could not be loaded" />
      {due.isPending ? <Skeleton h={60} /> : null}
      {due.data && items.length === 0 ? (
        <Text c="dimmed" size="sm">
          No plan is due to be signed or reviewed in the next days.
        </Text>
      ) : null}
      <Stack gap={6}>
        {items.slice(0, 12).map((item) => (
          <Group
            key={`${item.episodeId}-${item.kind}`}
            justify="space-between"
            wrap="nowrap"
            data-testid="due-plan"
          >
            <div>
              <Anchor component={Link} to={`/patients/${item.patientId}/plan`} fw={600}>
                {item.patientName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {item.kind === 'initial_signature' ? 'First plan to sign' : 'Plan review'} ·{' '}
                {PLAN_STATUS[item.planStatus]}
                {scope === 'all' && clinicianName(item.clinicianId)
                  ? ` · ${clinicianName(item.clinicianId)}`
                  : ''}
              </Text>
            </div>
            <Badge
              color={item.state === 'overdue' ? 'red' : 'orange'}
              variant={item.state === 'overdue' ? 'filled' : 'light'}
              tt="none"
              style={{ flexShrink: 0 }}
            >
              {whenText(item)}
            </Badge>
          </Group>
        ))}
      </Stack>
      {items.length > 12 ? (
        <Text size="sm" c="dimmed" mt="xs">
          And {items.length - 12} more.
        </Text>
      ) : null}
    </Card>
  );
}
