import { Group, Text } from '@mantine/core';

/** The Trellis mark: a lattice that things grow on. Decorative; the word carries the name. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1d6b67" />
      <path
        d="M16 5 27 16 16 27 5 16Z M10.5 10.5 21.5 21.5 M21.5 10.5 10.5 21.5"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <LogoMark size={size} />
      <Text fw={700} fz={size * 0.72} c="trellis.8" style={{ letterSpacing: '-0.01em' }}>
        Trellis
      </Text>
    </Group>
  );
}
