/**
 * The one error type of the domain layer. `code` is stable and machine-readable; `message` is
 * written for the person who will read it and says what to do next. `field` names the input
 * at fault, as a dotted path, when there is one.
 */
export type DomainErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'stale'
  | 'forbidden'
  | 'unauthenticated'
  | 'locked'
  | 'invalid_state'
  | 'precondition_required';

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly errors: FieldProblem[];
  /** Extra members for the problem document, such as the current record of a stale write. */
  readonly extensions: Record<string, unknown>;

  constructor(
    code: DomainErrorCode,
    message: string,
    errors: FieldProblem[] = [],
    extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.errors = errors;
    this.extensions = extensions;
  }

  static invalid(field: string, message: string): DomainError {
    return new DomainError('validation', message, [{ field, message }]);
  }

  /** A write based on an old version: the caller gets what is current, so nothing is lost. */
  static stale(what: string, current: unknown): DomainError {
    return new DomainError(
      'stale',
      `Someone else changed this ${what} since you opened it. Your changes were not saved; review the current version and apply them again.`,
      [],
      { current },
    );
  }

  static notFound(what: string): DomainError {
    return new DomainError('not_found', `No ${what} with that id in your organization.`);
  }
}
