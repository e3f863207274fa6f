import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '..');

/** What a feature may import from src/, besides its own files. */
const SHARED = ['lib', 'components', 'config', 'types'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/**
 * Every import by a file of src/features/<feature> of something in src/ other than lib/, components/,
 * config/, types/ and the feature itself (tests may also use testing/). Packages are not checked.
 */
export function forbiddenFeatureImports(srcDir: string): string[] {
  const featuresDir = path.join(srcDir, 'features');
  const found: string[] = [];
  for (const feature of readdirSync(featuresDir)) {
    for (const file of sources(path.join(featuresDir, feature))) {
      const allowed = [...SHARED, `features/${feature}`];
      if (/\.test\.tsx?$/.test(file)) allowed.push('testing');
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const target = m[1];
        const absolute = target.startsWith('.')
          ? path.resolve(path.dirname(file), target)
          : target.startsWith('@/')
            ? path.join(srcDir, target.slice(2))
            : null;
        if (absolute === null) continue; // a package
        const inSrc = path.relative(srcDir, absolute).split(path.sep).join('/');
        if (!allowed.some((root) => inSrc === root || inSrc.startsWith(`${root}/`))) {
          found.push(`${path.relative(srcDir, file).split(path.sep).join('/')} imports ${target}`);
        }
      }
    }
  }
  return found;
}

describe('features', () => {
  it('import only lib/, components/, config/, types/ and their own files; pages in app/ compose them', () => {
    expect(forbiddenFeatureImports(SRC)).toEqual([]);
  });

  it('are caught importing another feature or the app, in every form of import', () => {
    const src = mkdtempSync(path.join(tmpdir(), 'features-'));
    try {
      const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
        writeFileSync(path.join(src, file), text);
      };
      write(
        'features/trips/components/a.tsx',
        [
          "import { x } from '@/lib/format';",
          "import { y } from '../api/get-trip';",
          "import type { Z } from '@/features/drivers/api/get-driver';",
          "import { w } from '../../fleet/components/fleet-overview';",
          "const v = lazy(() => import('@/features/vehicles/components/vehicles-list'));",
          "export { r } from '@/app/router';",
          "import { s } from '@/testing/test-utils';",
          "import '../../../lib/format';",
          "import { useQuery } from '@tanstack/react-query';",
        ].join('\n'),
      );
      write('features/trips/components/a.test.tsx', "import { s } from '@/testing/test-utils';");
      expect(forbiddenFeatureImports(src)).toEqual([
        'features/trips/components/a.tsx imports @/features/drivers/api/get-driver',
        'features/trips/components/a.tsx imports ../../fleet/components/fleet-overview',
        'features/trips/components/a.tsx imports @/features/vehicles/components/vehicles-list',
        'features/trips/components/a.tsx imports @/app/router',
        'features/trips/components/a.tsx imports @/testing/test-utils',
      ]);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });
});
