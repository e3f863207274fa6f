import { describe, expect, it } from 'vitest';
import { eventLabel, fmtDuration, fmtNumber, scoreBand } from './format';

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

  it('never prints NaN', () => {
    expect(fmtNumber(Number.NaN)).toBe('—');
    expect(fmtNumber(null)).toBe('—');
    expect(fmtDuration(3725)).toBe('1 h 2 min');
    expect(fmtDuration(65)).toBe('1 min 5 s');
  });
});
