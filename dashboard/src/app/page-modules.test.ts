import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routePreload } from '../../build/route-preload';
import { PAGE_MODULES } from './page-modules';

const ROOT = path.resolve(__dirname, '../..');

function pageFor(address: string) {
  return PAGE_MODULES.find((p) => p.path.test(address))?.module;
}

describe('the page modules', () => {
  it('are the modules the router loads lazily', () => {
    const router = readFileSync(path.join(ROOT, 'src/app/router.tsx'), 'utf8');
    const lazy = [...router.matchAll(/import\('([^']+)'\)/g)].map((m) => {
      const target = m[1].startsWith('@/') ? path.join(ROOT, 'src', m[1].slice(2)) : path.resolve(ROOT, 'src/app', m[1]);
      return `${path.relative(ROOT, target).split(path.sep).join('/')}.tsx`;
    });
    expect(lazy.sort()).toEqual(PAGE_MODULES.map((p) => p.module).sort());
  });

  it('match the addresses of the router’s pages, and nothing else', () => {
    expect(pageFor('/')).toBe('src/app/pages/fleet-page.tsx');
    expect(pageFor('/drivers')).toBe('src/features/drivers/components/drivers-leaderboard.tsx');
    expect(pageFor('/drivers/7a1d2c3b-0000-4000-8000-000000000000')).toBe('src/app/pages/driver-page.tsx');
    expect(pageFor('/trips/11111111-2222-4333-8444-555555555555')).toBe(
      'src/features/trips/components/trip-detail.tsx',
    );
    expect(pageFor('/vehicles')).toBe('src/features/vehicles/components/vehicles-list.tsx');
    expect(pageFor('/registry')).toBe('src/app/pages/registry-page.tsx');
    expect(pageFor('/login')).toBeUndefined();
    expect(pageFor('/nowhere')).toBeUndefined();
  });
});

describe('the route preload script', () => {
  const chunk = (fileName: string, imports: string[], module: string | null, isEntry = false) => ({
    type: 'chunk' as const,
    fileName,
    imports,
    isEntry,
    facadeModuleId: module && path.join(ROOT, module),
  });
  const bundle = Object.fromEntries(
    [
      chunk('assets/index.js', ['assets/shared-by-entry.js'], 'src/main.tsx', true),
      chunk('assets/shared-by-entry.js', [], null),
      chunk('assets/fleet-page.js', ['assets/badge.js', 'assets/shared-by-entry.js'], 'src/app/pages/fleet-page.tsx'),
      chunk('assets/badge.js', ['assets/status.js'], null),
      chunk('assets/status.js', [], null),
      chunk('assets/vehicles.js', ['assets/badge.js'], 'src/features/vehicles/components/vehicles-list.tsx'),
    ].map((c) => [c.fileName, c]),
  );
  const pages = PAGE_MODULES.filter((p) => /fleet-page|vehicles-list/.test(p.module));

  function preloadsAt(pathname: string): string[] {
    const hook = routePreload(ROOT, pages).transformIndexHtml as unknown as {
      handler: (html: string, ctx: { bundle: typeof bundle }) => { tags: { children: string }[] };
    };
    const script = hook.handler('<html></html>', { bundle }).tags[0].children;
    const links: { rel: string; href: string; crossOrigin: string }[] = [];
    new Function('location', 'document', script)(
      { pathname },
      { createElement: () => ({}), head: { appendChild: (l: (typeof links)[0]) => links.push(l) } },
    );
    return links.map((l) => `${l.rel} ${l.href}`);
  }

  it('preloads the opened page’s chunk and what it imports, not what the entry loads anyway', () => {
    expect(preloadsAt('/')).toEqual([
      'modulepreload /assets/fleet-page.js',
      'modulepreload /assets/badge.js',
      'modulepreload /assets/status.js',
    ]);
    expect(preloadsAt('/vehicles')).toEqual([
      'modulepreload /assets/vehicles.js',
      'modulepreload /assets/badge.js',
      'modulepreload /assets/status.js',
    ]);
    expect(preloadsAt('/login')).toEqual([]);
  });
});
