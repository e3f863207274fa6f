import path from 'node:path';
import type { Plugin } from 'vite';

type Page = { path: RegExp; module: string };
type Chunk = { type: 'chunk'; fileName: string; facadeModuleId: string | null; imports: string[]; isEntry: boolean };

/**
 * Adds to index.html a small script that preloads the lazily loaded chunk of the page at the
 * opened address with the chunks it imports (not the entry's, which loads anyway), so the first
 * page does not wait for the main chunk to run before its own code starts downloading.
 */
export function routePreload(root: string, pages: readonly Page[]): Plugin {
  return {
    name: 'fleetflow-route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c): c is Chunk & typeof c => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const entryFiles = new Set<string>();
        const closure = (file: string, into: Set<string>) => {
          if (into.has(file)) return;
          into.add(file);
          byFile.get(file)?.imports.forEach((f) => closure(f, into));
        };
        chunks.filter((c) => c.isEntry).forEach((c) => closure(c.fileName, entryFiles));
        const table = pages.map((page) => {
          const id = path.resolve(root, page.module);
          const chunk = chunks.find((c) => c.facadeModuleId === id);
          if (!chunk) throw new Error(`route-preload: no chunk for ${page.module}`);
          const files = new Set<string>();
          closure(chunk.fileName, files);
          return [page.path.source, [...files].filter((f) => !entryFiles.has(f))] as const;
        });
        const script =
          `for(const[p,fs]of${JSON.stringify(table)})if(new RegExp(p).test(location.pathname)){` +
          `for(const f of fs){const l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href='/'+f;` +
          `document.head.appendChild(l)}break}`;
        return { html, tags: [{ tag: 'script', children: script, injectTo: 'head' }] };
      },
    },
  };
}
