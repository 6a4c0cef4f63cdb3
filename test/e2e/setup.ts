/**
 * Every end-to-end test gets one retry, with the first failure printed. Headless Chromium on the
 * busy 2-core CI machine once closed every page of two files mid-run ("Target page, context or
 * browser has been closed") while the same commit passed on a rerun; the harness now names a
 * renderer crash when it happens. A test that fails twice fails the run.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });
