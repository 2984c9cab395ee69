import { randomUUID } from 'node:crypto';
import { importCaseDocument } from '../../src/main/store/case-document';
import type { Session } from '../../src/main/store/session';
import {
  CASE_DOCUMENT_FORMAT,
  CASE_DOCUMENT_VERSION,
  type CaseDocument,
} from '../../src/shared/domain/case-document';
import type { CaseCreateInput, CaseStatus, ScreeningResult } from '../../src/shared/domain/cases';
import type { PersonInput } from '../../src/shared/domain/persons';

/**
 * A case with several people, as the app comes to hold one: no screen adds a person to an existing
 * case, so a case names more than one person only when its document is imported (import-case, or a
 * handover package). The people are created a millisecond apart in the order given (the first is
 * the case's first person); the case has no interviews, notes, files or referrals.
 */
export interface ImportedCase extends Omit<CaseCreateInput, 'person'> {
  persons: PersonInput[];
  status?: CaseStatus;
  statusReason?: string;
  screeningResult?: ScreeningResult;
  /** The case's reference on the device it came from (default: one made from its id). */
  reference?: string;
  /** When the case was made there (default: now). */
  at?: Date;
  /** The account on the other device that made and exported it. */
  by?: string;
}

/** The document another device would export for such a case (format fieldscreen.case, version 1). */
export function importedCaseDocument(input: ImportedCase): CaseDocument {
  const at = input.at ?? new Date();
  const iso = (plusMs: number) => new Date(at.getTime() + plusMs).toISOString();
  const by = input.by ?? 'officer-elsewhere';
  const id = randomUUID();
  return {
    format: CASE_DOCUMENT_FORMAT,
    version: CASE_DOCUMENT_VERSION,
    exportedAt: iso(input.persons.length + 1),
    exportedBy: by,
    case: {
      id,
      reference: input.reference ?? `FS-IMPORTED-${id.slice(0, 8).toUpperCase()}`,
      status: input.status ?? 'draft',
      statusReason: input.statusReason ?? null,
      place: input.place,
      vessel: input.vessel ?? null,
      screeningDate: input.screeningDate,
      screeningResult: input.screeningResult ?? 'not_screened',
      officerAssessment: null,
      createdAt: iso(0),
      createdBy: by,
      updatedAt: iso(input.persons.length),
      revision: 1,
    },
    persons: input.persons.map((p, k) => ({
      id: randomUUID(),
      nameOrAlias: p.nameOrAlias,
      sex: p.sex ?? 'undisclosed',
      ageYears: p.ageYears ?? null,
      minor: p.minor ?? 'unknown',
      ageAssessment: p.ageAssessment ?? null,
      nationality: p.nationality ?? null,
      languages: p.languages ?? [],
      dialect: p.dialect ?? null,
      documentsLocation: p.documentsLocation ?? null,
      preferredInterviewerGender: p.preferredInterviewerGender ?? null,
      createdAt: iso(k + 1),
      updatedAt: iso(k + 1),
    })),
    interviews: [],
    notes: [],
    followUps: [],
    attachments: [],
    referrals: [],
  };
}

/** Imports such a case (needs a supervisor: cases.import); returns its id. */
export function importCase(session: Session, input: ImportedCase): string {
  return importCaseDocument(session, importedCaseDocument(input)).caseId;
}
