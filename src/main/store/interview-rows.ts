import type { Interpreter, InterviewSummary } from '../../shared/domain/interviews';
import type { Attribution } from './attribution';

export interface InterviewRow {
  id: string;
  case_id: string;
  person_id: string | null;
  instrument_id: string;
  instrument_version: string;
  tier: string;
  interviewee_language: string;
  officer_language: string | null;
  interpreter_json: string | null;
  state: InterviewSummary['state'];
  state_reason: string | null;
  position: string | null;
  started_at: string;
  started_by: string;
  updated_at: string;
  ended_at: string | null;
}

export function interviewFromRow(r: InterviewRow, names: Attribution): InterviewSummary {
  return {
    id: r.id,
    caseId: r.case_id,
    personId: r.person_id,
    instrumentId: r.instrument_id,
    instrumentVersion: r.instrument_version,
    tier: r.tier,
    intervieweeLanguage: r.interviewee_language,
    officerLanguage: r.officer_language,
    interpreter: r.interpreter_json ? (JSON.parse(r.interpreter_json) as Interpreter) : null,
    state: r.state,
    stateReason: r.state_reason,
    position: r.position,
    startedAt: r.started_at,
    startedBy: names.name(r.started_by),
    updatedAt: r.updated_at,
    endedAt: r.ended_at,
  };
}
