/** Shapes of the gateway's read API (docs/read-api.md). */

export type EventRates = {
  harsh_braking: number | null;
  rapid_acceleration: number | null;
  harsh_cornering: number | null;
  speeding: number | null;
};

export type FleetSummary = {
  window_days: number;
  trips_today: number;
  trips_window: number;
  distance_km_window: number;
  fleet_score: number | null;
  score_trend: { date: string; trips: number; avg_score: number | null; distance_km: number }[];
  events_per_100km: EventRates;
  drivers: number;
  vehicles: number;
};

export type TripStatus = 'PENDING' | 'PROCESSING' | 'COMPLETED' | 'FAILED';

/** Trips that finished (by completion time) within a window ending now. */
export type FinishedCounts = { completed: number; failed: number };

export type Pipeline = {
  /** Every trip accepted and not finished yet: the backlog. */
  unfinished: { pending: number; processing: number };
  finished_last_hour: FinishedCounts;
  finished_last_24h: FinishedCounts;
  queue_depth: number | null;
  oldest_unfinished_age_s: number | null;
  flink: { state: string; job_id: string | null; job_name: string | null; web_ui_url: string };
};

export type Driver = {
  driver_id: string;
  trips: number;
  distance_km: number;
  avg_score: number | null;
  rolling_score: number | null;
  events_per_100km: EventRates;
  last_trip_at: string | null;
  score_trend: number[];
};

export type DriverDetail = Driver & {
  score_history: { date: string; trips: number; avg_score: number | null }[];
  event_counts: Record<keyof EventRates, number>;
};

export type TripSummary = {
  trip_id: string;
  vehicle_id: string;
  driver_id: string;
  started_at: string;
  received_at: string;
  status: TripStatus;
  failure_reason: string | null;
  sample_count: number;
  safety_score: number | null;
  harsh_braking_count: number | null;
  rapid_accel_count: number | null;
  harsh_cornering_count: number | null;
  speeding_count: number | null;
  distance_km: number | null;
  duration_s: number | null;
};

export type TripEvent = {
  seq: number;
  type: string;
  start_ms: number;
  end_ms: number;
  peak: number;
  severity: string;
};

export type TripDetail = TripSummary & {
  updated_at: string;
  completed_at: string | null;
  scoring_version: string | null;
  speeding_seconds: number | null;
  moving_s: number | null;
  max_speed_kmh: number | null;
  avg_speed_kmh: number | null;
  events: TripEvent[];
  status_history: { status: string; at: string }[];
};

export type TripPage = { items: TripSummary[]; next_cursor: string | null };

export type TripSamples = {
  t_ms: number[];
  speed_kmh: number[];
  g_force_long: number[];
  g_force_lat: number[];
  sample_count: number;
  downsampled: boolean;
};

export type Vehicle = {
  vehicle_id: string;
  trips: number;
  distance_km: number;
  avg_score: number | null;
  drivers: number;
  last_trip_at: string | null;
};

export type Items<T> = { items: T[] };
