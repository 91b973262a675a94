/** An engine error as the user sees it: the message only (errors cross as {code, message}). */
export function ErrorNote({ error, what }: { error: { message: string } | null | undefined; what?: string }) {
  if (!error) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid="error">
      {what ? `${what}: ` : ''}
      {error.message}
    </div>
  );
}
