import { AppError } from '../../shared/errors';
import { CaseDocumentProblem, importProblems } from '../store/case-document';
import { readBoundedFile } from './bounded-file';
import type { CliIo } from './types';

/**
 * Largest case document file read: ten files at the 10 MiB limit as base64, plus the record. Checked
 * before reading, so a huge file is refused at once instead of filling memory.
 */
export const MAX_CASE_DOCUMENT_BYTES = 160 * 1024 * 1024;

/** The JSON of a case document file: NOT_FOUND when missing, VALIDATION when too large or not JSON. */
export function readCaseDocumentFile(file: string): unknown {
  const refuse = (why: string) =>
    new AppError('VALIDATION', { cause: new CaseDocumentProblem('(file)', why) });
  const text = readBoundedFile(file, MAX_CASE_DOCUMENT_BYTES, (limit) =>
    refuse(`larger than ${limit}`),
  ).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw refuse('not JSON');
  }
}

/** Runs a read or an import; on refusal, prints where and why (never the values) before the error code. */
export function reportingProblems<T>(io: CliIo, step: () => T): T {
  try {
    return step();
  } catch (err) {
    for (const line of importProblems(err)) io.stderr(`problem: ${line}`);
    throw err;
  }
}
