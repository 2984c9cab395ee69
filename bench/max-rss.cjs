// Preloaded (`node -r bench/max-rss.cjs …`) into a child the handover bench runs: at exit it prints
// the process's peak resident set (getrusage maxrss, KiB) on stderr, where the bench reads it.
process.on('exit', () => {
  process.stderr.write(`max-rss-kb: ${process.resourceUsage().maxRSS}\n`);
});
