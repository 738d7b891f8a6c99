import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { HELP_WANTED_LABELS, type InquiryStage } from '@trellis/domain';
import { Link } from 'react-router';
import { ProblemAlert } from '../../ui/problem-alert';
import { type InquiryCard, useInquiryBoard } from './intake-api';
import { ageOf } from './labels';

/** The stages that wait on the intake coordinator, with what to do next, in the order of the work. */
const WAITING: { stage: InquiryStage; title: string; todo: string; empty: string }[] = [
  {
    stage: 'new',
    title: 'New inquiries',
    todo: 'Call them back',
    empty: 'No one is waiting for a call back.',
  },
  {
    stage: 'screened',
    title: 'Benefit checks',
    todo: 'Check their insurance benefits',
    empty: 'No benefit checks are waiting.',
  },
  {
    stage: 'benefits_checked',
    title: 'Assessments to book',
    todo: 'Book the initial assessment',
    empty: 'No one is waiting for an assessment date.',
  },
];

/** Titles of the Home placeholders these cards replace. */
export const INTAKE_HOME_TITLES = WAITING.map((w) => w.title);

function waited(instant: string): string {
  const age = ageOf(instant);
  return age === 'just now' ? 'arrived just now' : `waiting ${age}`;
}

function Person({ card }: { card: InquiryCard }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <div>
        <Anchor component={Link} to={`/intake/${card.id}`} fw={600}>
          {card.firstName} {card.lastName}
        </Anchor>
        <Text size="sm" c="dimmed">
          {HELP_WANTED_LABELS[card.helpWanted]} · {waited(card.stageChangedAt)}
        </Text>
      </div>
      {card.urgent ? (
        <Badge color="red" variant="filled" style={{ flexShrink: 0 }}>
          Urgent
        </Badge>
      ) : null}
    </Group>
  );
}

/**
 * The intake coordinator's Home: who waits for what, oldest wait first, straight from the
 * pipeline board (one request for the three cards).
 */
export function IntakeHomeCards() {
  const board = useInquiryBoard();
  return (
    <>
      {WAITING.map((w) => {
        const column = board.data?.stages.find((s) => s.stage === w.stage);
        // Oldest wait first: they have waited longest for the next step.
        const cards = [...(column?.cards ?? [])]
          .sort(
            (a, b) => Number(b.urgent) - Number(a.urgent) || a.stageChangedAt.localeCompare(b.stageChangedAt),
          )
          .slice(0, 5);
        const id = `intake-${w.stage}`;
        return (
          <Card key={w.stage} withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
            <Group justify="space-between" mb="sm" wrap="nowrap">
              <div>
                <Title order={3} fz="lg" id={id}>
                  {w.title}
                </Title>
                <Text size="sm" c="dimmed">
                  {w.todo}
                </Text>
              </div>
              {column && column.count > 0 ? (
                <Badge size="lg" variant="light">
                  {column.count}
                </Badge>
              ) : null}
            </Group>
            <ProblemAlert error={board.error} title="The pipeline could not be loaded" />
            {board.isPending ? <Skeleton h={60} /> : null}
            {column && cards.length === 0 ? (
              <Text size="sm" c="dimmed">
                {w.empty}
              </Text>
            ) : null}
            <Stack gap={8}>
              {cards.map((card) => (
                <Person key={card.id} card={card} />
              ))}
            </Stack>
            {column && column.count > cards.length ? (
              <Button component={Link} to="/intake" variant="subtle" size="compact-sm" mt="sm">
                All {column.count} on the intake board
              </Button>
            ) : null}
          </Card>
        );
      })}
    </>
  );
}
