import { useEffect, useId, useMemo, useState } from 'react';
import { shortId } from '@/lib/format';

/** A registered driver or vehicle to pick. */
export type Choice = { id: string; name: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What each choice reads as: its name, with the start of the UUID when two share a name. */
export function choiceLabels(choices: Choice[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const c of choices) count.set(c.name, (count.get(c.name) ?? 0) + 1);
  return new Map(choices.map((c) => [c.id, count.get(c.name)! > 1 ? `${c.name} · ${shortId(c.id)}` : c.name]));
}

type Props = {
  label: string;
  choices: Choice[];
  value: string | undefined;
  onChange: (id: string | undefined) => void;
};

/**
 * A search box over registered names (the browser suggests them as one types): picking a name
 * filters by that id; a pasted UUID works too, and emptying the box drops the filter. The picked
 * one's UUID shows on hover.
 */
export function EntityPicker({ label, choices, value, onChange }: Props) {
  const listId = useId();
  const labels = useMemo(() => choiceLabels(choices), [choices]);
  const shown = value ? (labels.get(value) ?? `${shortId(value)} (not registered)`) : '';
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  return (
    <label className="flex items-center gap-2">
      {label}
      <input
        type="search"
        list={listId}
        className="w-44 rounded border border-slate-300 px-2 py-1"
        placeholder="Any — type a name"
        title={value}
        value={text}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          const trimmed = typed.trim();
          if (trimmed === '') return onChange(undefined);
          if (UUID.test(trimmed)) return onChange(trimmed.toLowerCase());
          const match = [...labels].find(([, l]) => l === trimmed);
          if (match) onChange(match[0]);
        }}
      />
      <datalist id={listId}>
        {[...labels].map(([id, l]) => (
          <option key={id} value={l} />
        ))}
      </datalist>
    </label>
  );
}
