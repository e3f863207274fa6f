import { describe, expect, it } from 'vitest';
import {
  crashImpactLabel,
  crashSeverityLabel,
  eventColors,
  eventLabel,
  eventTypeLabels,
  fmtDuration,
  fmtMountYaw,
  fmtNumber,
  scoreBand,
} from './format';

describe('scoreBand', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.9, 'good'],
    [75, 'good'],
    [74.9, 'fair'],
    [60, 'fair'],
    [59.9, 'poor'],
    [0, 'poor'],
    [null, 'none'],
  ] as const)('%s is %s', (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });
});

describe('formatting', () => {
  it('labels events with type, peak and severity in their units', () => {
    expect(eventLabel({ type: 'HARSH_BRAKING', peak: 0.523, severity: 'HARSH' })).toBe('Harsh braking · 0.52 g · HARSH');
    expect(eventLabel({ type: 'SPEEDING', peak: 131.4, severity: 'SEVERE' })).toBe('Speeding · 131 km/h · SEVERE');
  });

  it('gives a crash its own label and colour, minor or major, and its Δv', () => {
    expect(eventTypeLabels.CRASH).toBe('Crash');
    expect(new Set(Object.values(eventColors)).size).toBe(Object.keys(eventColors).length);
    expect(crashSeverityLabel('HARSH')).toBe('minor collision');
    expect(crashSeverityLabel('SEVERE')).toBe('major collision');
    expect(eventLabel({ type: 'CRASH', peak: 2.8, severity: 'SEVERE', delta_v_kmh: 31.46 })).toBe(
      'Crash · major collision · 2.80 g · Δv 31.5 km/h',
    );
    expect(crashImpactLabel({ delta_v_kmh: 12, speed_before_kmh: 52.2, speed_after_kmh: 0 })).toBe('Δv 12 km/h · 52 → 0 km/h');
    expect(crashImpactLabel({ delta_v_kmh: 9.5, speed_before_kmh: null, speed_after_kmh: null })).toBe('Δv 9.5 km/h');
    expect(crashImpactLabel({ delta_v_kmh: 9.5, speed_before_kmh: 40, speed_after_kmh: null })).toBe('Δv 9.5 km/h · 40 → — km/h');
  });

  it('states the mount estimate, or that there is none', () => {
    expect(fmtMountYaw({ scoring_version: 'v2', mount_yaw_deg: -11.6 })).toBe('device mounted 12° off axis, corrected');
    expect(fmtMountYaw({ scoring_version: 'v2', mount_yaw_deg: null })).toBe('not estimated');
    expect(fmtMountYaw({ scoring_version: null, mount_yaw_deg: null })).toBe('—');
  });

  it('never prints NaN', () => {
    expect(fmtNumber(Number.NaN)).toBe('—');
    expect(fmtNumber(null)).toBe('—');
    expect(fmtDuration(3725)).toBe('1 h 2 min');
    expect(fmtDuration(65)).toBe('1 min 5 s');
  });
});
