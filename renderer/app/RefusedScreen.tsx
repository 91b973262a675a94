/** Shown instead of the app when the engine turned this page away (its token is wrong or missing). */
export function RefusedScreen({ reason }: { reason: string }) {
  return (
    <div className="full-message" role="alert" data-testid="refused">
      <h1>The engine refused this page</h1>
      <p>{reason || 'The link is missing its access token, or the token is wrong.'}</p>
      <p className="muted">
        Open the exact address that <code>npm run web</code> printed: it carries a fresh token each time the engine starts.
      </p>
    </div>
  );
}
