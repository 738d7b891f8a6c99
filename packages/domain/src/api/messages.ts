import { z } from 'zod';

/**
 * Plain-words messages for the checks every schema shares, so that a person reading a
 * validation error knows what to change. Schemas give their own message where they know better.
 */
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') {
      if (issue.input === undefined) return 'This field is required.';
      const expected = issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`;
      return `Must be ${expected}.`;
    }
    if (issue.code === 'unrecognized_keys') {
      return `Not a field this request accepts: ${issue.keys.join(', ')}. Remove it and try again.`;
    }
    if (issue.code === 'too_big' && issue.origin === 'string') {
      return `Use at most ${issue.maximum} characters.`;
    }
    if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) {
      return 'This field is required.';
    }
    if (issue.code === 'invalid_value') {
      return `Choose one of: ${issue.values.map(String).join(', ')}.`;
    }
    return undefined;
  },
});
