/** The Log button of a lightweight chart's toolbar: `what` names the scale it switches, for its tooltip. */
export function LogToggle({ log, onToggle, what }: { log: boolean; onToggle: () => void; what: string }) {
  return (
    <button
      type="button"
      className={`btn btn--small ${log ? 'btn--primary' : 'btn--ghost'}`}
      aria-pressed={log}
      data-testid="log-toggle"
      title={`Logarithmic ${what} scale: equal heights for equal percentage moves`}
      onClick={onToggle}
    >
      Log
    </button>
  );
}
