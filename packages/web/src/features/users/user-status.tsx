import { Badge } from '@mantine/core';
import type { StaffUser } from '../../app/types';
import { formatDateTime } from '../../ui/format';

export function isLocked(user: StaffUser): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

export function StatusBadge({ user }: { user: StaffUser }) {
  if (!user.active) {
    return (
      <Badge color="gray" variant="light" tt="none">
        Inactive
      </Badge>
    );
  }
  if (isLocked(user)) {
    return (
      <Badge color="red" variant="light" tt="none" title={`Locked until ${formatDateTime(user.lockedUntil)}`}>
        Locked
      </Badge>
    );
  }
  return (
    <Badge color="green" variant="light" tt="none">
      Active
    </Badge>
  );
}

export function MfaBadge({ enabled }: { enabled: boolean }) {
  return enabled ? (
    <Badge color="green" variant="light" tt="none">
      On
    </Badge>
  ) : (
    <Badge color="gray" variant="light" tt="none">
      Not set up
    </Badge>
  );
}
