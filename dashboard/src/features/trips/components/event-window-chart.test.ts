import { describe, expect, it } from 'vitest';
import { DEFAULT_CHART_POINTS } from '../api/get-trip-samples';
import { pointsFor } from './event-window-chart';

describe('pointsFor', () => {
  it('keeps the trip page’s points (one cached answer) when they are enough for the window', () => {
    expect(pointsFor(600, 61)).toBe(DEFAULT_CHART_POINTS);
    expect(pointsFor(null, 61)).toBe(DEFAULT_CHART_POINTS);
  });

  it('asks for about 400 points in the window of a longer trip, at most the API’s 20,000', () => {
    expect(pointsFor(1_830, 61)).toBe(12_000);
    expect(pointsFor(36_000, 61)).toBe(20_000);
  });
});
