import { createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * Trellis: calm, trustworthy, clinical. A muted teal as the one brand color, warm neutral
 * surfaces, 16 px text and inputs (readable at the end of a long day, no zoom on phones), and a
 * focus ring that is always visible for keyboard users.
 */
const trellis: MantineColorsTuple = [
  '#e9f6f4',
  '#d5ebe8',
  '#a9d6d0',
  '#79c0b7',
  '#52ada2',
  '#3a9f94',
  '#2b8a80',
  '#1d6b67',
  '#175856',
  '#0f4442',
];

export const theme = createTheme({
  primaryColor: 'trellis',
  primaryShade: { light: 7, dark: 5 },
  colors: { trellis },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.25' },
      h2: { fontSize: '1.3rem', lineHeight: '1.3' },
      h3: { fontSize: '1.1rem', lineHeight: '1.35' },
    },
  },
  fontSizes: { xs: '0.8125rem', sm: '0.9375rem', md: '1rem', lg: '1.125rem', xl: '1.25rem' },
  lineHeights: { md: '1.6' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    MultiSelect: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    Button: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
    Switch: { defaultProps: { size: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'sm', fz: 'sm' } },
    Modal: { defaultProps: { size: 'lg', centered: true } },
    // Sentence case and 15 px: a status is read, not decoded.
    // Never cut to "Progr…": a badge keeps its width and the row wraps instead.
    Badge: {
      defaultProps: {
        size: 'lg',
        radius: 'sm',
        tt: 'none',
        fw: 600,
        style: { flexShrink: 0, minWidth: 'max-content' },
      },
    },
  },
});
