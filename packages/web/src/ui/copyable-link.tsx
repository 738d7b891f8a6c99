import { Button, CopyButton, Group, TextInput } from '@mantine/core';

/** A secret link shown once, to select or copy in one click and hand to the person it is for. */
export function CopyableLink({ label, url, testId }: { label: string; url: string; testId?: string }) {
  return (
    <Group align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        value={url}
        readOnly
        style={{ flex: 1 }}
        onFocus={(e) => e.currentTarget.select()}
        {...(testId ? { 'data-testid': testId } : {})}
      />
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button onClick={copy} color={copied ? 'teal' : 'blue'}>
            {copied ? 'Copied' : 'Copy link'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
