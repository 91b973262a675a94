import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import './tabs.css';

export interface TabDef<K extends string> {
  id: K;
  label: ReactNode;
}

interface TabsProps<K extends string> {
  tabs: readonly TabDef<K>[];
  active: K;
  onChange: (id: K) => void;
  label: string;
  idPrefix: string;
  /** Shown at the right end of the tab strip (actions for the active tab). */
  extra?: ReactNode;
}

/** A tab strip (WAI-ARIA tabs): arrow keys move between tabs, the panel is labelled by its tab. */
export function Tabs<K extends string>({ tabs, active, onChange, label, idPrefix, extra }: TabsProps<K>) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const i = tabs.findIndex((t) => t.id === active);
    const next = tabs[(i + step + tabs.length) % tabs.length].id;
    onChange(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el);
              else refs.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${t.id}`}
            aria-selected={t.id === active}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={t.id === active ? 0 : -1}
            className="tabs__tab"
            data-testid={`tab-${t.id}`}
            onClick={() => onChange(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {extra && <div className="tabs__extra">{extra}</div>}
    </div>
  );
}
