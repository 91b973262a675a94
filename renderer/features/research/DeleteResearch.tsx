import { useState } from 'react';
import { ConfirmDialog } from '../../components/common/ConfirmDialog';
import { ErrorNote } from '../../components/common/ErrorNote';
import { useResearchDelete } from './researchQueries';

/** A list row's Delete, asked once more: the sweep's or walk-forward's results go; runs opened from it stay. */
export function DeleteResearch({ id, name, kind, state }: { id: string; name: string; kind: 'sweep' | 'walkforward'; state: string }) {
  const del = useResearchDelete();
  const [open, setOpen] = useState(false);
  const active = state === 'queued' || state === 'running';
  const what = kind === 'sweep' ? 'sweep' : 'walk-forward';
  return (
    // The row opens the result on a click: nothing in here may reach it.
    <td className="cell-actions" onClick={(e) => e.stopPropagation()}>
      <button
        type="button"
        className="btn btn--small btn--ghost btn--danger"
        data-testid="research-delete"
        disabled={active}
        title={active ? `Cancel the ${what} before deleting it` : `Delete this ${what}`}
        onClick={() => {
          del.reset();
          setOpen(true);
        }}
      >
        Delete
      </button>
      <ConfirmDialog
        open={open}
        title={`Delete this ${what}?`}
        confirmLabel={del.isPending ? 'Deleting…' : 'Delete'}
        busy={del.isPending}
        onConfirm={() => del.mutate({ id }, { onSuccess: () => setOpen(false) })}
        onCancel={() => setOpen(false)}
      >
        <p>
          <strong>{name}</strong> and its results will be removed from the database; runs opened from it stay. This cannot be undone.
        </p>
        <ErrorNote error={del.error} />
      </ConfirmDialog>
    </td>
  );
}
