import { Card, List, Stack, Text, Title } from '@mantine/core';
import { formatDay, statusLabel } from './labels';
import { usePlanReviews } from './plans-api';

/** Past reviews, newest first: what was said and how each objective moved. Hidden until there is one. */
export function ReviewsCard({ planId }: { planId: string }) {
  const reviews = usePlanReviews(planId);
  const items = reviews.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="plan-reviews-title">
      <Title order={2} fz="lg" id="plan-reviews-title" mb="sm">
        Reviews
      </Title>
      <Stack gap="md">
        {items.map((review) => {
          const moved = review.progress.filter((p) => p.status !== p.previousStatus || p.note);
          return (
            <div key={review.id}>
              <Text fw={600}>
                {formatDay(review.reviewedOn)}: review of version {review.reviewedVersionNumber}, drafted
                version {review.resultingVersionNumber}
              </Text>
              {review.summary ? <Text size="sm">{review.summary}</Text> : null}
              {review.participantComment ? (
                <Text size="sm" c="dimmed">
                  Participant: “{review.participantComment}”
                </Text>
              ) : null}
              {moved.length > 0 ? (
                <List size="sm" mt={4} spacing={2}>
                  {moved.map((p) => (
                    <List.Item key={p.objectiveId}>
                      {p.objectiveText.replace(/[.\s]+$/, '')} — {statusLabel(p.previousStatus)} →{' '}
                      <strong>{statusLabel(p.status)}</strong>
                      {p.note ? ` (${p.note})` : ''}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </div>
          );
        })}
      </Stack>
    </Card>
  );
}
