import pkg from '../package.json' with { type: 'json' };

/** The app's version, recorded with every run. */
export const APP_VERSION: string = pkg.version;
