import { Anchor, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { fieldId, fieldInWords } from './labels';

interface Missing {
  field: string;
  message: string;
}

/**
 * What signing still needs, one line per field: where it is ("Problem 1 › Goal 2 › Objective 1"),
 * what is missing, and a link that puts the cursor in that field.
 */
export function MissingChecklist({
  missing,
  labelOf,
}: {
  missing: readonly Missing[];
  /** How the item the field belongs to reads ("Medication management", an objective's words). */
  labelOf(path: string): string | undefined;
}) {
  if (missing.length === 0) {
    return (
      <Text c="green.8" fw={600} role="status">
        Nothing missing: the plan can be signed.
      </Text>
    );
  }
  const go = (path: string) => {
    const element = document.getElementById(fieldId(path));
    if (!element) return;
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    element.focus({ preventScroll: true });
  };
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        Before it can be signed ({missing.length} {missing.length === 1 ? 'thing' : 'things'} left):
      </Text>
      <List
        spacing={6}
        size="sm"
        icon={
          <ThemeIcon color="orange" size={16} radius="xl" variant="light" aria-hidden="true">
            <span style={{ fontSize: 11, fontWeight: 700 }}>!</span>
          </ThemeIcon>
        }
        aria-label="What signing still needs"
        data-testid="missing-checklist"
      >
        {missing.map((item) => {
          const { where } = fieldInWords(item.field);
          const problemName = labelOf(item.field);
          return (
            <List.Item key={item.field}>
              <Anchor component="button" type="button" size="sm" onClick={() => go(item.field)} ta="left">
                <Text span fw={600} size="sm">
                  {where}
                </Text>
                {problemName ? (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    ({problemName})
                  </Text>
                ) : null}
                <Text span size="sm" c="dark">
                  : {item.message}
                </Text>
              </Anchor>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
