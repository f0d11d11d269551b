// Whether a process id still names a running process: a lock or temporary file
// whose owner is gone was left by a killed run and may be removed.

/** True unless the system says no such process exists (a process of another user counts as alive). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}
