/**
 * The hostile-input corpus: every case, by kind. `write.ts` puts a case's files on disk,
 * `run-case.ts` runs it through the CLI and checks its outcome; `scripts/hostile-corpus.ts` and
 * `hostile-corpus.test.ts` use both, `e2e/hostile.spec.ts` the cases that say how the app takes them.
 */
import { ARCHIVE_CASES } from './archive-cases';
import type { HostileCase } from './case';
import { CSV_CASES } from './csv-cases';
import { IMAGE_CASES } from './image-cases';
import { MODEL_CASES } from './model-cases';
import { PROJECT_CASES } from './project-cases';
import { PROJECT_EXPORT_CASES } from './project-export-cases';

export type { AppCheck, HostileCase } from './case';
export { CASE_KINDS, casePath, cliArgs, inputOf } from './case';

/** Every case of the corpus. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  ...PROJECT_CASES,
  ...PROJECT_EXPORT_CASES,
  ...ARCHIVE_CASES,
  ...MODEL_CASES,
  ...CSV_CASES,
  ...IMAGE_CASES,
];
