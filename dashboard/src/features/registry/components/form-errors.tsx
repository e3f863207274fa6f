import { ApiError, type FieldError } from '@/lib/api-client';

/** The gateway's message for one field (by the last part of its pointer), if it named it. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.errors.find((e) => e.pointer.split('/').pop() === field)?.message;
}

/** What went wrong as a whole: forbidden, unavailable, or the problem's detail. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const text =
    error instanceof ApiError
      ? error.status === 403
        ? 'This token may read the registry but not change it (an operator token is needed).'
        : `${error.title}${error.detail ? `: ${error.detail}` : ''}`
      : String(error);
  return (
    <p role="alert" className="text-sm text-red-800">
      {text}
    </p>
  );
}

/** A CSV error's row and column, from its pointer /rows/<row>/<column>. */
export function rowAndColumn(e: FieldError): { row: string; column: string } {
  const [, rows, row, column] = e.pointer.split('/');
  return rows === 'rows' ? { row: row ?? '', column: column ?? '' } : { row: '', column: '' };
}

export function FieldHint({ message, id }: { message?: string; id: string }) {
  if (!message) return null;
  return (
    <span id={id} className="mt-1 text-xs text-red-800">
      {message}
    </span>
  );
}

/** The registry forms' Save and Cancel buttons. */
export function SaveOrCancel({ noun, pending, onCancel }: { noun: string; pending: boolean; onCancel: () => void }) {
  return (
    <div className="flex gap-2">
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
      >
        {pending ? 'Saving…' : `Save ${noun}`}
      </button>
      <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
        Cancel
      </button>
    </div>
  );
}
