// worker_threads entry for the bench: registers tsx in this thread, then runs the TypeScript worker.
require("tsx/cjs");
require("./check-worker-node.ts");
