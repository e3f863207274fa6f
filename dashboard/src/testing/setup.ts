import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { auth } from '@/lib/auth';
import { server } from './mocks/server';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  window.localStorage.clear();
  window.sessionStorage.clear();
  auth.reset();
});
afterAll(() => server.close());

// jsdom draws nothing: give canvas a context that accepts every call, and the few browser APIs
// uPlot expects, so chart components mount and run their draw hooks.
const noop = () => undefined;
const context = new Proxy(
  {},
  {
    get: (_t, prop) =>
      prop === 'measureText' ? () => ({ width: 10 }) : prop === 'canvas' ? document.createElement('canvas') : noop,
    set: () => true,
  },
);
HTMLCanvasElement.prototype.getContext = (() => context) as unknown as HTMLCanvasElement['getContext'];
if (!window.matchMedia) {
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    addEventListener: noop,
    removeEventListener: noop,
    addListener: noop,
    removeListener: noop,
    onchange: null,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}
if (!('Path2D' in globalThis)) {
  class Path2DStub {
    moveTo = noop;
    lineTo = noop;
    rect = noop;
    arc = noop;
    closePath = noop;
    addPath = noop;
    bezierCurveTo = noop;
    quadraticCurveTo = noop;
  }
  (globalThis as unknown as { Path2D: unknown }).Path2D = Path2DStub;
}
