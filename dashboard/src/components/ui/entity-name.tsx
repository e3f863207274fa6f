import { shortId } from '@/lib/format';

/**
 * A driver's or vehicle's registered name, with its UUID on hover; an unregistered one shows the
 * start of its UUID, marked as such. Every list and table names drivers and vehicles with this.
 */
export function EntityName({ name, id }: { name: string | null | undefined; id: string }) {
  if (name) {
    return (
      <span title={id} data-entity-id={id}>
        {name}
      </span>
    );
  }
  return (
    <span title={`${id} (not registered)`} data-entity-id={id} className="font-mono">
      {shortId(id)}
      <span className="sr-only"> (not registered)</span>
    </span>
  );
}

/** Display text of a name for labels and titles: the name, or the start of the UUID. */
export function entityLabel(name: string | null | undefined, id: string): string {
  return name || shortId(id);
}
