// Runs the built CLI like bin/danvan.js and, when DANVAN_RUSAGE_FILE is set, writes the process's peak
// resident memory there on exit, so that tests can hold one run to a memory bound.
import { writeFileSync } from 'node:fs';

const { main } = await import('../../dist/cli/main.js');
process.exitCode = await main(process.argv);
if (process.env.DANVAN_RUSAGE_FILE) {
  writeFileSync(process.env.DANVAN_RUSAGE_FILE, JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS }));
}
