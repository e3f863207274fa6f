import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TripEvent, TripSamples } from '@/types/api';
import { eventsPlugin } from './event-overlay';

/** A time window in seconds since the trip's start, shown instead of the whole trip. */
export type ChartZoom = { fromS: number; toS: number };

type Props = { samples: TripSamples; events: TripEvent[]; zoom?: ChartZoom };

/**
 * Speed and g-forces over the trip on canvas (uPlot), cursors in sync, every event shaded and
 * labelled; with a zoom, only that window. Marks the container with the time the first draw took
 * (data-render-ms) and the number of events drawn, which the end-to-end test reads.
 */
export default function TripChart({ samples, events, zoom }: Props) {
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const started = performance.now();
    const seconds = samples.t_ms.map((t) => t / 1000);
    const width = Math.max(320, el.clientWidth);
    let pending = 2;
    const drawn = () => {
      pending -= 1;
      if (pending === 0 && !el.dataset.renderMs) {
        el.dataset.renderMs = (performance.now() - started).toFixed(1);
        el.dataset.eventsDrawn = String(events.length);
      }
    };
    const sync = uPlot.sync(`trip-${Math.random()}`);
    const common = (title: string): Partial<uPlot.Options> => ({
      width,
      height: 220,
      title,
      // A range function keeps the scale automatic: uPlot still fits the y scales to the window.
      scales: { x: zoom ? { time: false, range: (): uPlot.Range.MinMax => [zoom.fromS, zoom.toS] } : { time: false } },
      cursor: { sync: { key: sync.key } },
      legend: { live: true },
    });
    const speed = new uPlot(
      {
        ...common('Speed'),
        series: [
          { label: 'Time (s)' },
          { label: 'Speed (km/h)', stroke: '#1d4ed8', width: 1.25 },
        ],
        axes: [{ label: 'Time since start (s)' }, { label: 'km/h' }],
        plugins: [eventsPlugin(events, true, drawn)],
      } as uPlot.Options,
      [seconds, samples.speed_kmh],
      el.querySelector<HTMLElement>('[data-chart="speed"]')!,
    );
    // The vertical axis only when the device sends it (g_force_vert is null otherwise).
    const vertical = samples.g_force_vert ?? null;
    const g = new uPlot(
      {
        ...common('G-forces'),
        series: [
          { label: 'Time (s)' },
          { label: 'Longitudinal (g)', stroke: '#b91c1c', width: 1 },
          { label: 'Lateral (g)', stroke: '#0f766e', width: 1 },
          ...(vertical ? [{ label: 'Vertical (g)', stroke: '#a16207', width: 1 }] : []),
        ],
        axes: [{ label: 'Time since start (s)' }, { label: 'g' }],
        plugins: [eventsPlugin(events, false, drawn)],
      } as uPlot.Options,
      vertical
        ? [seconds, samples.g_force_long, samples.g_force_lat, vertical]
        : [seconds, samples.g_force_long, samples.g_force_lat],
      el.querySelector<HTMLElement>('[data-chart="g"]')!,
    );
    const onResize = () => {
      const w = Math.max(320, el.clientWidth);
      speed.setSize({ width: w, height: 220 });
      g.setSize({ width: w, height: 220 });
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      speed.destroy();
      g.destroy();
      delete el.dataset.renderMs;
    };
  }, [samples, events, zoom?.fromS, zoom?.toS]);

  return (
    <div
      ref={holder}
      data-testid="trip-chart"
      data-g-channels={samples.g_force_vert ? 3 : 2}
      role="img"
      data-zoom={zoom ? `${zoom.fromS}-${zoom.toS}` : undefined}
      aria-label={
        zoom
          ? `Speed and g-forces from ${zoom.fromS.toFixed(1)} s to ${zoom.toS.toFixed(1)} s into the trip, events marked`
          : `Speed and g-forces over ${samples.sample_count} samples with ${events.length} events marked`
      }
    >
      <div data-chart="speed" />
      <div data-chart="g" />
    </div>
  );
}
