import type uPlot from 'uplot';
import { eventColors, eventLabel } from '@/lib/format';
import type { TripEvent } from '@/types/api';

/** Where an event sits on a chart, in CSS pixels of the plot area. */
export type EventBox = { left: number; width: number; color: string; label: string; row: number };

/**
 * Lays out events over a time axis in seconds: each becomes a shaded box at least 2 px wide and a
 * label on one of three rows, so neighbouring labels do not sit on top of each other.
 */
export function layoutEvents(events: TripEvent[], toPx: (seconds: number) => number): EventBox[] {
  return events.map((e, i) => {
    const left = toPx(e.start_ms / 1000);
    const right = toPx(e.end_ms / 1000);
    return {
      left,
      width: Math.max(2, right - left),
      color: eventColors[e.type] ?? '#475569',
      label: eventLabel(e),
      row: i % 3,
    };
  });
}

/** A uPlot plugin that shades every event and, when asked, writes its label. */
export function eventsPlugin(events: TripEvent[], withLabels: boolean, onDrawn: () => void): uPlot.Plugin {
  return {
    hooks: {
      draw: (u: uPlot) => {
        const ctx = u.ctx;
        const { top, height } = u.bbox;
        const dpr = devicePixelRatio || 1;
        const boxes = layoutEvents(events, (s) => u.valToPos(s, 'x', true) / dpr);
        ctx.save();
        ctx.font = `${11 * dpr}px sans-serif`;
        ctx.textBaseline = 'top';
        ctx.textAlign = 'left';
        for (const b of boxes) {
          ctx.globalAlpha = 0.18;
          ctx.fillStyle = b.color;
          ctx.fillRect(b.left * dpr, top, b.width * dpr, height);
          ctx.globalAlpha = 1;
          ctx.fillRect(b.left * dpr, top, Math.max(1, dpr), height);
          if (withLabels) {
            ctx.fillStyle = b.color;
            ctx.fillText(b.label, b.left * dpr + 3 * dpr, top + (2 + b.row * 13) * dpr);
          }
        }
        ctx.restore();
        onDrawn();
      },
    },
  };
}
