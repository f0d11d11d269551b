// Runs from `npm run setup`: sets up husky's hooks for developers of this
// repository (not from `prepare`, which the published package must not carry:
// npm 11 warns about it on every install), and does nothing in CI or without husky.
if (process.env.CI === "true" || process.env.NODE_ENV === "production" || process.env.HUSKY === "0") process.exit(0);
try {
  const husky = (await import("husky")).default;
  const message = husky();
  if (message) console.log(message);
} catch {
  // husky is a dev dependency; without it there is no hook to install.
}
