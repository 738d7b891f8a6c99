import { Alert, List } from '@mantine/core';
import { ApiError } from '../app/api-client';

interface ProblemAlertProps {
  error: unknown;
  /** Field names shown on the form itself; their messages are not repeated here. */
  shownFields?: readonly string[];
  title?: string;
}

/**
 * What went wrong, in the server's words (the problem's `detail`). role="alert" makes screen
 * readers announce it as soon as it appears.
 */
export function ProblemAlert({ error, shownFields = [], title }: ProblemAlertProps) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const detail = apiError
    ? apiError.problem.detail
    : 'Something went wrong in this page. Reload it and try again; if it keeps happening, tell your administrator.';
  const otherFields = Object.entries(apiError?.fieldErrors ?? {}).filter(
    ([field]) => !shownFields.includes(field),
  );
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? apiError?.problem.title ?? 'Something went wrong'}
      role="alert"
    >
      {detail}
      {otherFields.length > 0 ? (
        <List size="sm" mt="xs">
          {otherFields.map(([field, message]) => (
            <List.Item key={field}>
              {field}: {message}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}

/** The message for one form field, from a failed save. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldErrors[field] : undefined;
}
