import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { auth } from '@/lib/auth';

/** Asks for the operator token when the gateway wants one (401), and keeps it in this browser. */
export function TokenScreen({ rejected }: { rejected: boolean }) {
  const [value, setValue] = useState('');
  const [location, navigate] = useLocation();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim()) return;
    auth.setToken(value);
    if (location === '/login') navigate('/');
  }
  return (
    <main className="mx-auto mt-24 max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-bold text-slate-900">FleetFlow</h1>
      <p className="mt-2 text-sm text-slate-700">
        {rejected
          ? 'The gateway needs an operator token (none was set, or it was refused).'
          : 'Enter your operator token.'}{' '}
        A viewer token (<code>ffv_…</code>) opens the dashboard read only.{' '}
        <code>./fleetflow up</code> prints one, and a dashboard link that carries it.
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
        <button
          type="submit"
          className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-semibold text-white hover:bg-slate-700"
        >
          Open the dashboard
        </button>
      </form>
    </main>
  );
}
