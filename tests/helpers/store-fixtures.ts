/**
 * Old import path, kept only while branches started before the test helpers were split are landing
 * (this session): import from './test-app', './disk' and './samples' instead. To be deleted.
 */
export { filesUnder, markersIn, tempDir } from './disk';
export { CASE_INPUT, INTERVIEW_INPUT, SUPERVISOR } from './samples';
export { createTestStore, type TestClock, type TestStore, testClock } from './test-app';
