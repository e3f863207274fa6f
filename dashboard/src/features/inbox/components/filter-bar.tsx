import { eventTypeLabels, reviewStatuses as STATUSES, shortId } from '@/lib/format';
import type { ReviewStatus } from '@/types/api';
import { EntityPicker, type Choice } from './entity-picker';
import { DEFAULT_STATUS, type Grouping, type InboxView } from './inbox-params';

const SELECT = 'rounded border border-slate-300 px-2 py-1';

type Props = {
  view: InboxView;
  onChange: (view: InboxView) => void;
  drivers: Choice[];
  vehicles: Choice[];
};

/** The inbox's filters and grouping; every change goes to the address (and so to the list). */
export function FilterBar({ view, onChange, drivers, vehicles }: Props) {
  // A new filter closes the opened event.
  const set = (patch: Partial<InboxView>) => onChange({ ...view, ...patch, event: undefined });
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" role="group" aria-label="Filters">
      <label className="flex items-center gap-2">
        Status
        <select
          className={SELECT}
          value={view.status === 'any' ? '' : view.status}
          onChange={(e) => set({ status: (e.target.value || 'any') as ReviewStatus | 'any' })}
        >
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        Type
        <select className={SELECT} value={view.type ?? ''} onChange={(e) => set({ type: e.target.value || undefined })}>
          <option value="">Any</option>
          {Object.entries(eventTypeLabels)
            .filter(([type]) => type === type.toUpperCase())
            .map(([type, label]) => (
              <option key={type} value={type}>
                {label}
              </option>
            ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        Severity
        <select
          className={SELECT}
          value={view.severity ?? ''}
          onChange={(e) => set({ severity: e.target.value || undefined })}
        >
          <option value="">Any</option>
          <option value="MODERATE">Moderate</option>
          <option value="HARSH">Harsh</option>
          <option value="SEVERE">Severe</option>
        </select>
      </label>
      <EntityPicker label="Driver" choices={drivers} value={view.driver} onChange={(driver) => set({ driver })} />
      <EntityPicker label="Vehicle" choices={vehicles} value={view.vehicle} onChange={(vehicle) => set({ vehicle })} />
      <label className="flex items-center gap-2">
        From (UTC day)
        <input
          type="date"
          className={SELECT}
          value={view.from ?? ''}
          max={view.to}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
      </label>
      <label className="flex items-center gap-2">
        To (UTC day)
        <input
          type="date"
          className={SELECT}
          value={view.to ?? ''}
          min={view.from}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
      </label>
      <label className="flex items-center gap-2">
        Group by
        <select className={SELECT} value={view.group} onChange={(e) => set({ group: e.target.value as Grouping })}>
          <option value="event">Nothing (one list)</option>
          <option value="trip">Trip</option>
          <option value="driver-day">Driver and day</option>
        </select>
      </label>
      {view.trip && (
        <span className="flex items-center gap-1 rounded bg-slate-100 px-2 py-1" data-testid="trip-filter">
          Trip <span title={view.trip} className="font-mono">{shortId(view.trip)}</span>
          <button
            type="button"
            className="ml-1 text-sky-800 underline"
            aria-label="Show every trip"
            onClick={() => set({ trip: undefined })}
          >
            ✕
          </button>
        </span>
      )}
      <button
        type="button"
        className="rounded border border-slate-300 px-2 py-1"
        onClick={() => onChange({ status: DEFAULT_STATUS, group: 'event' })}
      >
        Clear filters
      </button>
    </div>
  );
}
