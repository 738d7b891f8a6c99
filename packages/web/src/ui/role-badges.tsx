import { Badge, Group } from '@mantine/core';
import { ROLE_LABELS, type Role } from '@trellis/domain';

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  return (
    <Group gap={6}>
      {roles.map((role) => (
        <Badge key={role} variant="light" color="trellis">
          {ROLE_LABELS[role]}
        </Badge>
      ))}
    </Group>
  );
}
