// Preloaded (`node -r bench/max-rss.cjs …`) into a child the handover bench runs: at exit it prints
// the process's peak resident set (KiB) on stderr, where the bench reads it.
//
// On Linux this is VmHWM from /proc/self/status: the peak of this program's own memory. getrusage's
// maxrss is not: Linux carries into it the peak of the memory the child was forked from, so a child of
// a large process (the benchmark after its 100,000-case store) reported the parent's size.
const { readFileSync } = require('node:fs');

function peakKiB() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: getrusage it is.
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  process.stderr.write(`max-rss-kb: ${peakKiB()}\n`);
});
