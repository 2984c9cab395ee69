import type { FormEvent } from 'react';

/**
 * A form's submit handler: the page never reloads, and `send` runs unless `held` (the form is already
 * sending, or has nothing to send yet); Enter in a field submits like the button.
 */
export function onSubmitting(send: () => unknown, held = false): (e: FormEvent) => void {
  return (e) => {
    e.preventDefault();
    if (!held) void send();
  };
}
