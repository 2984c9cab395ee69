import { interviewStartInput } from '../../../shared/domain/interviews';
import { type FormProblems, problemsFromSchema } from '../../components/form-problems';
import { type InterviewSetup, startInputOf } from './setup';

/** The parts of interview.start the pre-interview form fills, as main parses them. */
const setupPart = interviewStartInput.pick({
  intervieweeDialect: true,
  interpreter: true,
  preferredInterviewerGender: true,
});

/**
 * The request paths the form's fields stand for: the person's dialect, the interpreter's name, and
 * the interpreter's notes (who is present, the interpreter's dialect and the declared links), said
 * under "who is present".
 */
export const SETUP_FIELD_PATHS = ['intervieweeDialect', 'interpreter.name', 'interpreter.notes'];

/** What main would refuse in the form (too long a dialect, name or notes), before anything is sent. */
export function setupProblems(s: InterviewSetup): FormProblems {
  return problemsFromSchema(setupPart, startInputOf(s, { caseId: '', officerLanguage: s.language }));
}

/** The request paths whose fields differ between two states of the form (their problems go). */
export function changedSetupPaths(before: InterviewSetup, after: InterviewSetup): string[] {
  const out: string[] = [];
  if (before.dialect !== after.dialect) out.push('intervieweeDialect');
  if (before.interpreterName !== after.interpreterName) out.push('interpreter.name');
  if (
    before.present !== after.present ||
    before.interpreterDialect !== after.interpreterDialect ||
    before.withInterpreter !== after.withInterpreter
  )
    out.push('interpreter.notes');
  return out;
}
