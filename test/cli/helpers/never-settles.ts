/**
 * A CLI run whose work never settles (as a read waiting on a stream that never ends did): for
 * the test that runCli turns "the event loop emptied before a result" into exit 3.
 */
import { runCli } from "../../../src/cli/audit";

runCli(() => new Promise<number>(() => undefined), "en-US");
