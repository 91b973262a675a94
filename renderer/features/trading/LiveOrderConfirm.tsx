import { ConfirmDialog } from '../../components/common/ConfirmDialog';

export interface PendingLiveOrder {
  what: string;
  send: (confirm: boolean) => void;
}

/** LIVE is armed: each order, and each change to one, is confirmed here before it is sent. */
export function LiveOrderConfirm({ pending, onClose }: { pending: PendingLiveOrder | null; onClose: () => void }) {
  if (!pending) return null;
  return (
    <ConfirmDialog
      open
      title="Send this LIVE order?"
      confirmLabel="Send LIVE"
      onCancel={onClose}
      onConfirm={() => {
        pending.send(true);
        onClose();
      }}
    >
      <p>This trades real money:</p>
      <p className="mono live-confirm__what" data-testid="live-confirm-what">
        {pending.what}
      </p>
    </ConfirmDialog>
  );
}
