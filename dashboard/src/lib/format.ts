/** Display helpers and the score bands shared by every view. */
import type { ReviewStatus, VehicleClass } from '@/types/api';

export type ScoreBand = 'excellent' | 'good' | 'fair' | 'poor' | 'none';

export function scoreBand(score: number | null | undefined): ScoreBand {
  if (score === null || score === undefined || Number.isNaN(score)) return 'none';
  if (score >= 90) return 'excellent';
  if (score >= 75) return 'good';
  if (score >= 60) return 'fair';
  return 'poor';
}

export const bandClasses: Record<ScoreBand, string> = {
  excellent: 'bg-emerald-100 text-emerald-900 ring-emerald-600/30',
  good: 'bg-lime-100 text-lime-900 ring-lime-600/30',
  fair: 'bg-amber-100 text-amber-900 ring-amber-600/30',
  poor: 'bg-red-100 text-red-900 ring-red-600/30',
  none: 'bg-slate-100 text-slate-700 ring-slate-400/30',
};

export const bandColors: Record<ScoreBand, string> = {
  excellent: '#059669',
  good: '#65a30d',
  fair: '#d97706',
  poor: '#dc2626',
  none: '#94a3b8',
};

export const bandLabels: Record<ScoreBand, string> = {
  excellent: '90 and above',
  good: '75 to 90',
  fair: '60 to 75',
  poor: 'below 60',
  none: 'not scored',
};

export function fmtNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function fmtScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(Math.round(value));
}

export function fmtDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s % 60} s`;
  return `${s} s`;
}

export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }) + ' UTC';
}

/** Labels of the vehicle classes (model.registry.VehicleClass), in the API's order. */
export const vehicleClassLabels = {
  car: 'Car',
  van: 'Van',
  heavy_truck: 'Heavy truck',
  bus: 'Bus',
} as const satisfies Record<VehicleClass, string>;

export function shortId(id: string): string {
  return id.slice(0, 8);
}

export const eventTypeLabels: Record<string, string> = {
  HARSH_BRAKING: 'Harsh braking',
  RAPID_ACCELERATION: 'Rapid acceleration',
  HARSH_CORNERING: 'Harsh cornering',
  SPEEDING: 'Speeding',
  CRASH: 'Crash',
  harsh_braking: 'Harsh braking',
  rapid_acceleration: 'Rapid acceleration',
  harsh_cornering: 'Harsh cornering',
  speeding: 'Speeding',
};

/** The safety inbox's review statuses (model.review.ReviewStatus) in words, in the order a form offers them. */
export const reviewStatuses: { value: ReviewStatus; label: string }[] = [
  { value: 'needs_review', label: 'Needs review' },
  { value: 'needs_coaching', label: 'Needs coaching' },
  { value: 'coached', label: 'Coached' },
  { value: 'reviewed', label: 'Reviewed' },
  { value: 'dismissed', label: 'Dismissed (not the driver’s fault)' },
];

export const reviewStatusLabel = (s: ReviewStatus) => reviewStatuses.find((x) => x.value === s)?.label ?? s;

export const eventColors: Record<string, string> = {
  HARSH_BRAKING: '#dc2626',
  RAPID_ACCELERATION: '#7c3aed',
  HARSH_CORNERING: '#0369a1',
  SPEEDING: '#c2410c',
  // Near black: a collision must not read as one more braking event.
  CRASH: '#111827',
};

/** A crash's severity in words: HARSH is a minor collision, SEVERE a major one (docs/scoring.md). */
export function crashSeverityLabel(severity: string): string {
  if (severity === 'SEVERE') return 'major collision';
  if (severity === 'HARSH') return 'minor collision';
  return severity;
}

/** "Δv 31.5 km/h · 52 → 20 km/h": what a crash measured ("—" where the trip had no speed). */
export function crashImpactLabel(e: {
  delta_v_kmh?: number | null;
  speed_before_kmh?: number | null;
  speed_after_kmh?: number | null;
}): string {
  const speeds =
    e.speed_before_kmh == null && e.speed_after_kmh == null
      ? ''
      : ` · ${fmtNumber(e.speed_before_kmh, 0)} → ${fmtNumber(e.speed_after_kmh, 0)} km/h`;
  return `Δv ${fmtNumber(e.delta_v_kmh)} km/h${speeds}`;
}

/**
 * The device mount estimate of a scored trip: "device mounted 12° off axis, corrected", or "not
 * estimated" when the data could not support one; "—" while the trip is not scored.
 */
export function fmtMountYaw(trip: { scoring_version?: string | null; mount_yaw_deg?: number | null }): string {
  if (trip.scoring_version == null) return '—';
  if (trip.mount_yaw_deg == null || !Number.isFinite(trip.mount_yaw_deg)) return 'not estimated';
  return `device mounted ${Math.round(Math.abs(trip.mount_yaw_deg))}° off axis, corrected`;
}

/**
 * "Harsh braking · 0.52 g · HARSH": the label drawn on a trip's charts for one event; a crash reads
 * "Crash · major collision · 2.80 g · Δv 31.5 km/h".
 */
export function eventLabel(e: { type: string; peak: number; severity: string; delta_v_kmh?: number | null }): string {
  if (e.type === 'CRASH') {
    return `${eventTypeLabels.CRASH} · ${crashSeverityLabel(e.severity)} · ${e.peak.toFixed(2)} g · Δv ${fmtNumber(e.delta_v_kmh)} km/h`;
  }
  const unit = e.type === 'SPEEDING' ? ' km/h' : ' g';
  const digits = e.type === 'SPEEDING' ? 0 : 2;
  return `${eventTypeLabels[e.type] ?? e.type} · ${e.peak.toFixed(digits)}${unit} · ${e.severity}`;
}
