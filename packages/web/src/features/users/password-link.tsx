import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { useState } from 'react';
import { request } from '../../app/api-client';
import type { Output, StaffUser } from '../../app/types';
import { CopyableLink } from '../../ui/copyable-link';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';

type PasswordLink = Output<typeof api.PasswordLink>;

/**
 * For someone who forgot their password: a one-time link to set a new one, shown once for the
 * administrator to hand over. The administrator never sees or chooses the new password.
 */
export function PasswordLinkButton({ user }: { user: StaffUser }) {
  const [opened, setOpened] = useState(false);
  const issue = useMutation({
    mutationFn: () =>
      request<PasswordLink>(`/users/${encodeURIComponent(user.id)}/password-link`, { method: 'POST' }),
  });
  const url = issue.data ? `${window.location.origin}${issue.data.path}` : '';
  const close = () => {
    issue.reset();
    setOpened(false);
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)} disabled={!user.active}>
        Make a password link
      </Button>
      <Modal opened={opened} onClose={close} title={`A new password for ${user.displayName}`} size="lg">
        {issue.data ? (
          <Stack>
            <Alert color="teal" variant="light" title="Link ready">
              Give it to {user.displayName} yourself (in person, or read it out on the phone): it is shown
              only once. It works once, until {formatDateTime(issue.data.expiresAt)}, and signs them out
              everywhere when they set the new password.
            </Alert>
            <CopyableLink label="Link to set a new password" url={url} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Done
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack>
            <Text>
              {user.displayName} opens the link and chooses a new password; you never see it. A link made
              earlier stops working. Make sure it is really them asking.
            </Text>
            <ProblemAlert error={issue.error} title="No link made" />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button loading={issue.isPending} onClick={() => issue.mutate()}>
                Make the link
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
