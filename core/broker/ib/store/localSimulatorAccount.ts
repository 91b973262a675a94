/**
 * The account of the app's local simulator (a fake TWS in the app's process, see
 * core/service/sessions/localSimulator.ts). Its orders and fills share the paper tables, but they are
 * the simulator's, not a TWS account's: an adapter never loads them, and reconciliation never counts them.
 */
export const LOCAL_SIMULATOR_ACCOUNT = 'DULOCALSIM';
