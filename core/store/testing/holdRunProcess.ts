// A second real process for lease tests: creates a run in the database file given as argv[2],
// prints its id, and stays alive (its keeper thread renewing the lease) until it is killed.
import { openDatabase } from '../db';
import { createRun } from '../runs';
import { testRunInput } from '../testDb';

const file = process.argv[2];
if (!file) throw new Error('holdRunProcess: pass the database file as the first argument');
const db = openDatabase(file);
process.stdout.write(`${createRun(db, testRunInput())}\n`);
setInterval(() => undefined, 60_000);
