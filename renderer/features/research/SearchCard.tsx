import type { ObjectiveInfo } from './metricFormat';
import type { SearchDraft } from './sweepDraft';

interface SearchCardProps {
  search: SearchDraft;
  where: string;
  objective: string;
  objectives: readonly ObjectiveInfo[];
  onSearch: (next: SearchDraft) => void;
  onWhere: (next: string) => void;
  onObjective: (next: string) => void;
}

/** How combinations are picked (every one, or a seeded random sample), which are allowed, and what ranks them. */
export function SearchCard({ search, where, objective, objectives, onSearch, onWhere, onObjective }: SearchCardProps) {
  const set = (patch: Partial<SearchDraft>): void => onSearch({ ...search, ...patch });
  return (
    <section className="card" aria-labelledby="research-search">
      <div className="card__head">
        <h2 id="research-search">Search</h2>
        <div className="segmented" role="radiogroup" aria-label="Search">
          {(['grid', 'random'] as const).map((k) => (
            <label key={k} className="segmented__item" data-checked={search.kind === k}>
              <input type="radio" name="search-kind" value={k} checked={search.kind === k} data-testid={`search-${k}`} onChange={() => set({ kind: k })} />
              {k === 'grid' ? 'Grid' : 'Random'}
            </label>
          ))}
        </div>
      </div>
      <div className="field-grid">
        {search.kind === 'random' && (
          <>
            <div className="field">
              <label htmlFor="sweep-samples">Samples</label>
              <input id="sweep-samples" className="input" type="text" inputMode="numeric" data-testid="search-samples" value={search.samples} onChange={(e) => set({ samples: e.target.value })} />
              <div className="field__hint">Combinations drawn from the axes</div>
            </div>
            <div className="field">
              <label htmlFor="sweep-seed">Seed</label>
              <input id="sweep-seed" className="input" type="text" inputMode="numeric" data-testid="search-seed" value={search.seed} onChange={(e) => set({ seed: e.target.value })} />
              <div className="field__hint">The same seed draws the same combinations</div>
            </div>
          </>
        )}
        <div className="field field--wide">
          <label htmlFor="sweep-where">Constraint</label>
          <input
            id="sweep-where"
            className="input mono"
            type="text"
            spellCheck={false}
            placeholder="e.g. fast < slow"
            data-testid="sweep-where"
            value={where}
            onChange={(e) => onWhere(e.target.value)}
          />
          <div className="field__hint">An expression over the parameter names; combinations that fail it are skipped. Empty: all run.</div>
        </div>
        <div className="field field--wide">
          <label htmlFor="sweep-objective">Objective</label>
          <select id="sweep-objective" className="select" data-testid="sweep-objective" value={objective} onChange={(e) => onObjective(e.target.value)}>
            {objectives.map((o) => (
              <option key={o.name} value={o.name}>
                {o.label} ({o.direction === 'max' ? 'higher is better' : 'lower is better'})
              </option>
            ))}
          </select>
          <div className="field__hint">What ranks the combinations and picks the best (and, walking forward, each window’s parameters)</div>
        </div>
      </div>
    </section>
  );
}
