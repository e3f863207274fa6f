/** Where the gateway's API lives: the same origin in production and behind the Vite proxy in dev. */
export const env = {
  apiBase: import.meta.env.VITE_API_BASE ?? '',
};

/** How often live views poll, in milliseconds. */
export const refresh = {
  overview: 5_000,
  pipeline: 3_000,
  lists: 10_000,
  activeTrip: 2_000,
  alerts: 3_000,
};

/** Where versions before sessions kept the token; deleted on load (lib/auth.ts). */
export const LEGACY_TOKEN_STORAGE_KEY = 'fleetflow.operatorToken';
