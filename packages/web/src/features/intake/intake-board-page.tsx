import { Anchor, Badge, Box, Button, Card, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { HELP_WANTED_LABELS, INQUIRY_STAGE_LABELS, type InquiryStage } from '@trellis/domain';
import { Link } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { formatDateTime } from '../../ui/format';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { PageLoader } from '../../ui/page-loader';
import { ProblemAlert } from '../../ui/problem-alert';
import { type InquiryBoard, type InquiryCard, useInquiryBoard } from './intake-api';
import { ageOf, SOURCE_LABELS, STAGE_COLORS } from './labels';

/** What the coordinator does next at each stage: shown under the column title. */
const COLUMN_HINTS: Record<InquiryStage, string> = {
  new: 'Call them back',
  contacted: 'Do the phone screening',
  screened: 'Check insurance benefits',
  benefits_checked: 'Book the assessment',
  assessment_booked: 'Admit into a track',
  admitted: 'Recently admitted',
  closed: 'Closed with a reason',
};

export function IntakeBoardPage() {
  const user = useUser();
  if (!userCan(user, 'inquiry.read')) return <NotAllowed title="Intake" />;
  return <IntakeBoard canManage={userCan(user, 'inquiry.manage')} />;
}

function IntakeBoard({ canManage }: { canManage: boolean }) {
  const board = useInquiryBoard();
  const open =
    board.data?.stages
      .filter((s) => s.stage !== 'admitted' && s.stage !== 'closed')
      .reduce((n, s) => n + s.count, 0) ?? null;
  return (
    <>
      <PageHeader
        title="Intake"
        description={
          open === null
            ? 'Everyone who asked for help, by stage of the intake pipeline.'
            : `${open} ${open === 1 ? 'person is' : 'people are'} in the pipeline. Open a card to work on it; the newest are at the top of each column.`
        }
        actions={
          canManage ? (
            <Button component={Link} to="/intake/new">
              New inquiry
            </Button>
          ) : null
        }
      />
      {board.isPending ? (
        <PageLoader label="Loading the board…" />
      ) : board.error || !board.data ? (
        <ProblemAlert error={board.error} />
      ) : (
        <>
          <ScrollArea type="auto" offsetScrollbars>
            <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
              {board.data.stages
                .filter((column) => column.stage !== 'admitted' && column.stage !== 'closed')
                .map((column) => (
                  <Column key={column.stage} column={column} />
                ))}
            </Group>
          </ScrollArea>
          <Group gap="lg" mt="md">
            {board.data.stages
              .filter((column) => column.stage === 'admitted' || column.stage === 'closed')
              .map((column) => (
                <Text key={column.stage} size="sm" c="dimmed">
                  {INQUIRY_STAGE_LABELS[column.stage]}: {column.count}
                  {column.cards.length > 0
                    ? ` (latest: ${column.cards
                        .slice(0, 3)
                        .map((c) => `${c.firstName} ${c.lastName}`)
                        .join(', ')})`
                    : ''}
                </Text>
              ))}
          </Group>
        </>
      )}
    </>
  );
}

type BoardColumn = InquiryBoard['stages'][number];

function Column({ column }: { column: BoardColumn }) {
  return (
    <Box
      component="section"
      aria-labelledby={`stage-${column.stage}`}
      miw={176}
      style={{ flex: '1 1 0' }}
      bg="gray.0"
      p="xs"
      bdrs="md"
    >
      <Group justify="space-between" wrap="nowrap" mb={2}>
        <Title order={2} fz="md" id={`stage-${column.stage}`}>
          {INQUIRY_STAGE_LABELS[column.stage]}
        </Title>
        <Badge
          color={STAGE_COLORS[column.stage]}
          variant="light"
          aria-label={`${column.count} ${column.count === 1 ? 'inquiry' : 'inquiries'}`}
        >
          {column.count}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {COLUMN_HINTS[column.stage]}
      </Text>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {column.cards.map((card) => (
          <li key={card.id}>
            <BoardCard card={card} />
          </li>
        ))}
        {column.cards.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="md">
            Nobody here
          </Text>
        ) : null}
      </Stack>
      {column.count > column.cards.length ? (
        <Text size="xs" c="dimmed" mt="xs">
          Showing the newest {column.cards.length} of {column.count}.
        </Text>
      ) : null}
    </Box>
  );
}

function stageAge(instant: string): string {
  const age = ageOf(instant);
  return age === 'just now' ? 'arrived just now' : `${age} in this stage`;
}

function BoardCard({ card }: { card: InquiryCard }) {
  const name = `${card.firstName} ${card.lastName}`;
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      style={card.urgent ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
    >
      <Anchor component={Link} to={`/intake/${card.id}`} fw={600} c="dark" underline="hover">
        {name}
      </Anchor>
      {card.urgent ? (
        <Badge color="red" variant="filled" size="sm" mt={4} display="block">
          Urgent: safety
        </Badge>
      ) : null}
      <Text size="sm">{HELP_WANTED_LABELS[card.helpWanted]}</Text>
      <Text size="xs" c="dimmed">
        {SOURCE_LABELS[card.source] ?? card.source} · {stageAge(card.stageChangedAt)}
      </Text>
      {card.assessmentAt ? (
        <Text size="xs" mt={4} fw={500}>
          Assessment {formatDateTime(card.assessmentAt)}
        </Text>
      ) : null}
    </Card>
  );
}
