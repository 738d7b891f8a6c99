import { TextInput } from '@mantine/core';

interface CodeInputProps {
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  autoFocus?: boolean;
  label?: string;
}

/**
 * One field for the 6-digit code: the number keyboard on phones, and the code offered from the
 * phone's messages or password manager (autocomplete one-time-code).
 */
export function CodeInput({
  value,
  onChange,
  error,
  autoFocus = false,
  label = '6-digit code',
}: CodeInputProps) {
  return (
    <TextInput
      label={label}
      description="The code changes every 30 seconds; enter the newest one."
      value={value}
      onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      error={error}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      autoFocus={autoFocus}
      name="code"
      size="lg"
      styles={{
        wrapper: { maxWidth: '14rem' },
        input: { letterSpacing: '0.4em', fontVariantNumeric: 'tabular-nums', fontSize: '1.4rem' },
      }}
    />
  );
}
