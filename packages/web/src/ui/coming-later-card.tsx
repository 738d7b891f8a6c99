import { Badge, Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface ComingLaterCardProps {
  title: string;
  children: ReactNode;
}

/**
 * A place on a page for something a later release fills. It says so plainly, and shows no made-up
 * numbers: a clinician must never mistake an empty example for "nothing is due".
 */
export function ComingLaterCard({ title, children }: ComingLaterCardProps) {
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      aria-label={`${title} (not available yet)`}
      style={{ borderStyle: 'dashed', background: 'transparent' }}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb={6} wrap="nowrap">
        <Title order={3} fz="lg">
          {title}
        </Title>
        <Badge variant="outline" color="gray" radius="sm" tt="none" style={{ flexShrink: 0 }}>
          Coming later
        </Badge>
      </Group>
      <Text c="dimmed" size="sm">
        {children}
      </Text>
    </Card>
  );
}
