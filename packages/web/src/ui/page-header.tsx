import { Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';

let firstPage = true;

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Buttons on the right (they wrap below the title on a phone). */
  actions?: ReactNode;
}

/**
 * The page's one h1. It also names the browser tab and, after moving between pages, takes the
 * keyboard focus so that a screen reader announces the new page (not on the very first load).
 */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Trellis`;
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [title]);

  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="md" wrap="wrap">
      <Stack gap={4} style={{ flex: '1 1 20rem' }}>
        <Title order={1} ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size="md" maw="48rem">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
