// The group run's worker thread: registers tsx in this thread (the CLI runs under tsx, and a
// worker thread starts with Node's own loader), then runs the TypeScript worker.
require("tsx/cjs");
require("./branch-worker.ts");
