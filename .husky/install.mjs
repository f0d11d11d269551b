// Runs from `prepare`: sets up husky's hooks for developers of this repository,
// and does nothing in CI or in an install without dev dependencies.
if (process.env.CI === "true" || process.env.NODE_ENV === "production" || process.env.HUSKY === "0") process.exit(0);
try {
  const husky = (await import("husky")).default;
  const message = husky();
  if (message) console.log(message);
} catch {
  // husky is a dev dependency; without it there is no hook to install.
}
