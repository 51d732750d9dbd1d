/**
 * Imported first by every module of the demo: the demo data set publishes its password
 * (README), so no part of it loads under NODE_ENV=production — neither `npm run demo` nor any
 * code that imports the demo. The production image leaves the demo out altogether (Dockerfile).
 */
if (process.env.NODE_ENV === 'production') {
  throw new Error('The demo data set is not available when NODE_ENV=production: its logins share a published password.');
}

export {};
