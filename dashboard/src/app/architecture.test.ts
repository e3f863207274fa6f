import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURES = path.resolve(__dirname, '../features');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Every import of another feature, or of the app layer, made by a feature's file. */
export function crossFeatureImports(featuresDir: string): string[] {
  const found: string[] = [];
  for (const feature of readdirSync(featuresDir)) {
    for (const file of sources(path.join(featuresDir, feature))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const target = m[1];
        const resolved = target.startsWith('.')
          ? path.relative(featuresDir, path.resolve(path.dirname(file), target))
          : target.startsWith('@/features/')
            ? target.slice('@/features/'.length)
            : null;
        const outsideOwn = resolved !== null && resolved.split(path.sep)[0].split('/')[0] !== feature;
        if (outsideOwn || target.startsWith('@/app')) {
          found.push(`${path.relative(featuresDir, file)} imports ${target}`);
        }
      }
    }
  }
  return found;
}

describe('features', () => {
  it('import only lib/, components/, config/, types/ and their own files; pages compose them', () => {
    expect(crossFeatureImports(FEATURES)).toEqual([]);
  });
});
