import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useAuth } from '@/lib/auth';
import { signOut } from '@/lib/session';

const nav = [
  { href: '/', label: 'Overview' },
  { href: '/drivers', label: 'Drivers' },
  { href: '/vehicles', label: 'Vehicles' },
  { href: '/inbox', label: 'Safety inbox' },
  { href: '/registry', label: 'Registry' },
];

export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
          <Link href="/" className="text-lg font-bold text-slate-900">
            FleetFlow
          </Link>
          <nav aria-label="Main">
            <ul className="flex gap-1">
              {nav.map((item) => {
                const active =
                  item.href === '/' ? location === '/' : location.startsWith(item.href);
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={active ? 'page' : undefined}
                      className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
                    >
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <SessionControl />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}

/** Who is signed in, and the sign-out button; a sign-in link when no session is known. */
function SessionControl() {
  const { session } = useAuth();
  const client = useQueryClient();
  const [failed, setFailed] = useState(false);
  if (!session) {
    return (
      <Link href="/login" className="ml-auto text-sm text-slate-700 underline">
        Sign in
      </Link>
    );
  }
  async function out() {
    setFailed(false);
    try {
      await signOut();
      client.clear();
    } catch {
      setFailed(true);
    }
  }
  return (
    <div className="ml-auto flex items-center gap-3 text-sm text-slate-700">
      <span>
        {session.key_name} <span className="text-slate-500">({session.role === 'OPERATOR' ? 'operator' : 'viewer'})</span>
      </span>
      {failed && <span role="alert">Sign-out failed; try again.</span>}
      <button type="button" onClick={out} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100">
        Sign out
      </button>
    </div>
  );
}

export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  return (
    <div className="mb-4">
      <h1 className="text-2xl font-bold text-slate-900">{children}</h1>
      {sub && <p className="mt-1 text-sm text-slate-600">{sub}</p>}
    </div>
  );
}
