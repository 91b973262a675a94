/**
 * Runs a command that sends or changes an order. While LIVE is armed the screen asks the trader
 * first and then sends with confirm: true; in PAPER it sends at once with confirm: false.
 */
export type LiveGuard = (what: string, send: (confirm: boolean) => void) => void;
