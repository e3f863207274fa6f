import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { ApiError } from '@/lib/api-client';
import { signIn } from '@/lib/session';

/**
 * Asks for a token when the gateway wants a sign-in (401) and exchanges it for a session: the
 * gateway keeps the session and sets an HttpOnly cookie; the browser keeps no copy of the token.
 */
export function TokenScreen({ rejected }: { rejected: boolean }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [location, navigate] = useLocation();
  const client = useQueryClient();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(value);
      setValue('');
      await client.resetQueries();
      if (location === '/login') navigate('/');
    } catch (err) {
      setError(
        err instanceof ApiError && (err.status === 401 || err.status === 403)
          ? `The gateway refused this token${err.detail ? `: ${err.detail}` : '.'}`
          : `Could not sign in${err instanceof Error ? `: ${err.message}` : '.'}`,
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <main className="mx-auto mt-24 max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-bold text-slate-900">FleetFlow</h1>
      <p className="mt-2 text-sm text-slate-700">
        {rejected ? 'Sign in: the gateway needs an operator token (there is no session, or it ended).' : 'Enter your operator token.'}{' '}
        A viewer token (<code>ffv_…</code>) opens the dashboard read only. <code>./fleetflow up</code> prints an operator
        token. It is exchanged for a session of this browser and not stored here.
      </p>
      <form onSubmit={submit} className="mt-4 space-y-3">
        <label className="block text-sm font-medium text-slate-800">
          Operator token
          <input
            type="password"
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 font-mono text-slate-900"
          />
        </label>
        {error && (
          <p role="alert" className="text-sm text-red-800">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={busy}
          className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
        >
          Open the dashboard
        </button>
      </form>
    </main>
  );
}
