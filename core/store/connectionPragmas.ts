/** How long a connection waits for another's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;
/** Negative means KiB: 64 MiB keeps the b-tree pages a big flush touches in memory. */
const CACHE_SIZE_KIB = 65536;

/**
 * Settings every connection to the database needs, including a writer or keeper thread's own.
 * NORMAL is durable across app crashes in WAL (only an OS crash can lose the last commits), and much
 * faster than FULL for bulk writes.
 */
export const CONNECTION_PRAGMAS: readonly string[] = [
  'synchronous = NORMAL',
  `cache_size = -${CACHE_SIZE_KIB}`,
  'foreign_keys = ON',
  `busy_timeout = ${BUSY_TIMEOUT_MS}`,
];
