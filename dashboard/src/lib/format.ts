/** Display helpers and the score bands shared by every view. */
import type { VehicleClass } from '@/types/api';

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
  harsh_braking: 'Harsh braking',
  rapid_acceleration: 'Rapid acceleration',
  harsh_cornering: 'Harsh cornering',
  speeding: 'Speeding',
};

export const eventColors: Record<string, string> = {
  HARSH_BRAKING: '#dc2626',
  RAPID_ACCELERATION: '#7c3aed',
  HARSH_CORNERING: '#0369a1',
  SPEEDING: '#c2410c',
};

/** "Harsh braking · 0.52 g · HARSH": the label drawn on a trip's charts for one event. */
export function eventLabel(e: { type: string; peak: number; severity: string }): string {
  const unit = e.type === 'SPEEDING' ? ' km/h' : ' g';
  const digits = e.type === 'SPEEDING' ? 0 : 2;
  return `${eventTypeLabels[e.type] ?? e.type} · ${e.peak.toFixed(digits)}${unit} · ${e.severity}`;
}
