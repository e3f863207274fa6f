import type {
  Alert,
  AuditEntry,
  Driver,
  DriverDetail,
  FleetSummary,
  Pipeline,
  RegisteredDriver,
  RegisteredVehicle,
  Session,
  TripDetail,
  TripSamples,
  TripSummary,
  Vehicle,
} from '@/types/api';

export const DRIVER_A = '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const DRIVER_B = 'b0b0b0b0-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const VEHICLE = '3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10';
export const TRIP = '11111111-2222-4333-8444-555555555555';
/** Registered names: DRIVER_A and VEHICLE are registered, DRIVER_B is not. */
export const DRIVER_A_NAME = 'Ada Lovelace';
export const VEHICLE_NAME = 'Van 12';

export const rates = (hb: number | null, ra: number | null, hc: number | null, sp: number | null) => ({
  harsh_braking: hb,
  rapid_acceleration: ra,
  harsh_cornering: hc,
  speeding: sp,
});

export function summary(overrides: Partial<FleetSummary> = {}): FleetSummary {
  return {
    window_days: 7,
    trips_today: 12,
    trips_window: 80,
    distance_km_window: 1234.5,
    fleet_score: 87.2,
    score_trend: Array.from({ length: 7 }, (_, i) => ({
      date: `2026-05-0${i + 1}`,
      trips: 10 + i,
      avg_score: 80 + i,
      distance_km: 150,
    })),
    events_per_100km: rates(1.2, 0.8, 0.5, 0.3),
    drivers: 20,
    vehicles: 18,
    vehicles_by_class: { car: 12, van: 4, heavy_truck: 2, bus: 0 },
    ...overrides,
  };
}

export const pipeline: Pipeline = {
  unfinished: { pending: 1, processing: 2 },
  finished_last_hour: { completed: 100, failed: 3 },
  finished_last_24h: { completed: 2400, failed: 9 },
  queue_depth: 4,
  oldest_unfinished_age_s: 3.2,
  flink: { state: 'RUNNING', job_id: 'abc', job_name: 'FleetFlow trip scoring', web_ui_url: 'http://127.0.0.1:8081/' },
};

export function driver(id: string, score: number | null, overrides: Partial<Driver> = {}): Driver {
  return {
    driver_id: id,
    driver_name: id === DRIVER_A ? DRIVER_A_NAME : null,
    trips: 12,
    distance_km: 340.2,
    avg_score: score,
    rolling_score: score === null ? null : Math.round(score),
    events_per_100km: rates(1.5, 0.6, 0.3, 0),
    crashes: 0,
    last_trip_at: '2026-05-01T08:00:00Z',
    score_trend: score === null ? [] : [score - 4, score - 2, score],
    ...overrides,
  };
}

export function driverDetail(id: string): DriverDetail {
  return {
    ...driver(id, 81.5),
    external_ref: id === DRIVER_A ? 'P-1815' : null,
    active: id === DRIVER_A ? true : null,
    score_history: [
      { date: '2026-05-01', trips: 2, avg_score: 80.5 },
      { date: '2026-05-02', trips: 1, avg_score: 84 },
    ],
    event_counts: { harsh_braking: 3, rapid_acceleration: 1, harsh_cornering: 0, speeding: 2 },
  };
}

export function tripSummary(id: string, overrides: Partial<TripSummary> = {}): TripSummary {
  return {
    trip_id: id,
    vehicle_id: VEHICLE,
    vehicle_name: VEHICLE_NAME,
    vehicle_class: 'van',
    driver_id: DRIVER_A,
    driver_name: DRIVER_A_NAME,
    started_at: '2026-05-01T08:00:00Z',
    received_at: '2026-05-01T08:30:00Z',
    status: 'COMPLETED',
    failure_reason: null,
    sample_count: 600,
    safety_score: 85,
    harsh_braking_count: 1,
    rapid_accel_count: 0,
    harsh_cornering_count: 0,
    speeding_count: 1,
    crash_count: 0,
    distance_km: 8.2,
    duration_s: 600,
    ...overrides,
  };
}

/** The impact fields of every event that is not a crash. */
export const NO_IMPACT = { delta_v_kmh: null, speed_before_kmh: null, speed_after_kmh: null } as const;

export function tripDetail(overrides: Partial<TripDetail> = {}): TripDetail {
  return {
    ...tripSummary(TRIP),
    samples_available: true,
    updated_at: '2026-05-01T08:30:02Z',
    completed_at: '2026-05-01T08:30:02Z',
    scoring_version: 'threshold-run-1',
    speeding_seconds: 6,
    moving_s: 580,
    max_speed_kmh: 131,
    avg_speed_kmh: 48.2,
    mount_yaw_deg: null,
    crash_detection: false,
    events: [
      { seq: 0, type: 'HARSH_BRAKING', start_ms: 1200, end_ms: 2100, peak: 0.52, severity: 'HARSH', ...NO_IMPACT, review_status: 'needs_review' },
      { seq: 1, type: 'SPEEDING', start_ms: 3000, end_ms: 9000, peak: 131, severity: 'SEVERE', ...NO_IMPACT, review_status: 'needs_review' },
    ],
    status_history: [
      { status: 'PENDING', at: '2026-05-01T08:30:00Z' },
      { status: 'QUEUED', at: '2026-05-01T08:30:00.2Z' },
      { status: 'COMPLETED', at: '2026-05-01T08:30:02Z' },
    ],
    ...overrides,
  };
}

export const samples: TripSamples = {
  t_ms: [0, 1000, 2000, 3000],
  speed_kmh: [40, 42, 30, 120],
  g_force_long: [0, 0.1, -0.52, 0],
  g_force_lat: [0, 0, 0.1, 0],
  g_force_vert: null,
  sample_count: 4,
  downsampled: false,
};

export const vehicles: Vehicle[] = [
  {
    vehicle_id: VEHICLE,
    vehicle_name: VEHICLE_NAME,
    vehicle_class: 'van',
    trips: 5, distance_km: 120.5, avg_score: 90.1, drivers: 2, last_trip_at: '2026-05-01T08:00:00Z' },
];

export const registeredVehicle: RegisteredVehicle = {
  vehicle_id: VEHICLE,
  name: VEHICLE_NAME,
  vehicle_class: 'van',
  active: true,
  created_at: '2026-05-01T07:00:00Z',
  updated_at: '2026-05-01T07:30:00Z',
  updated_by: 'ops laptop',
};

export const registeredDriver: RegisteredDriver = {
  driver_id: DRIVER_A,
  name: DRIVER_A_NAME,
  external_ref: 'P-1815',
  active: true,
  created_at: '2026-05-01T07:00:00Z',
  updated_at: '2026-05-01T07:00:00Z',
  updated_by: 'ops laptop',
};

export const auditEntries: AuditEntry[] = [
  {
    id: 2,
    entity: 'vehicle',
    entity_id: VEHICLE,
    changed_by: 'ops laptop',
    changed_at: '2026-05-01T07:30:00Z',
    old_value: { ...registeredVehicle, name: 'Van 1' },
    new_value: { ...registeredVehicle },
  },
  {
    id: 1,
    entity: 'vehicle',
    entity_id: VEHICLE,
    changed_by: 'ops laptop',
    changed_at: '2026-05-01T07:00:00Z',
    old_value: null,
    new_value: { ...registeredVehicle, name: 'Van 1' },
  },
];

export const ALERT = 'a1e27000-0000-4000-8000-000000000001';

export function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: ALERT,
    trip_id: TRIP,
    seq: 2,
    event_type: 'CRASH',
    severity: 'SEVERE',
    driver_id: DRIVER_A,
    vehicle_id: VEHICLE,
    driver_name: DRIVER_A_NAME,
    vehicle_name: null,
    event_start_ms: 61_000,
    peak: 3.25,
    delta_v_kmh: 31.5,
    raised_at: '2026-05-01T08:20:00Z',
    status: 'open',
    superseded_at: null,
    acknowledged_at: null,
    acknowledged_by: null,
    delivered_at: null,
    delivery_attempts: 0,
    ...overrides,
  };
}

/** Sessions as GET/POST /api/v1/session answer them (the CSRF token is what writes must echo). */
export function session(role: Session['role'] = 'OPERATOR'): Session {
  return {
    key_name: role === 'OPERATOR' ? 'night shift lead' : 'wall screen',
    role,
    expires_at: '2026-05-01T20:00:00Z',
    csrf_token: `csrf-${role.toLowerCase()}`,
  };
}
