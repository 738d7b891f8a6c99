import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ProblemAlert } from './problem-alert';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** red for what locks someone out or takes something away. */
  color?: 'red' | 'trellis';
  busy?: boolean;
  error?: unknown;
  onConfirm(): void;
  onClose(): void;
}

/** A question before a step that is hard to undo. "Cancel" has the focus first. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { opened, title, children, confirmLabel, color = 'trellis', busy = false, error } = props;
  return (
    <Modal opened={opened} onClose={props.onClose} title={title} size="md">
      <Stack gap="md">
        <Text component="div">{children}</Text>
        <ProblemAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            Cancel
          </Button>
          <Button color={color} onClick={props.onConfirm} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
