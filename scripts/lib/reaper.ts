/**
 * Kills a build step's process group when the build that started it goes away, even by
 * SIGKILL: the build holds this process's stdin open, and the kernel closes it when the build
 * dies. Also run when a step ends normally, so nothing the step started outlives it.
 *
 *   node scripts/lib/reaper.ts <process group id>
 */
const group = Number(process.argv[2]);
let done = false;
function reap(): void {
  if (done) return;
  done = true;
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // The group has already ended.
  }
  process.exit(0);
}
if (!Number.isInteger(group) || group <= 1) process.exit(2);
process.stdin.on('data', () => {});
process.stdin.on('end', reap);
process.stdin.on('close', reap);
process.stdin.on('error', reap);
