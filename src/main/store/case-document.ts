import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  CASE_DOCUMENT_FORMAT,
  CASE_DOCUMENT_VERSION,
  type CaseDocument,
  caseDocumentSchema,
} from '../../shared/domain/case-document';
import { entityId } from '../../shared/domain/common';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/driver';
import { refreshCaseSearchText } from '../db/search-text';
import { checkZawgyi } from '../text/zawgyi';
import { assertCurrentInstrument, checkedAnswer } from './answer-input';
import { type AnswerHistoryRow, type AnswerRow, answerChangeFromRow, answerFromRow } from './answer-rows';
import { type AttachmentRow, attachmentFromRow } from './attachments';
import { importedAttribution, loadAttribution } from './attribution';
import { loadCaseRow, type PersonRow, personFromRow, vesselFromRow } from './cases';
import { type FollowUpRow, followUpFromRow } from './follow-ups';
import { type InterviewRow, interviewFromRow } from './interview-rows';
import { type NoteRow, noteFromRow } from './notes';
import { type ReferralRow, referralFromRow } from './referrals';
import type { Session } from './session';
import { parseInput } from './validate';

/** Records inside a document belong to its case: their caseId is implied. */
function withoutCaseId<T extends { caseId: string }>(record: T): Omit<T, 'caseId'> {
  const { caseId: _caseId, ...rest } = record;
  return rest;
}

/** The whole case as the canonical document (format fieldscreen.case, version 1). Audited as an export. */
export function exportCaseDocument(session: Session, caseId: string): CaseDocument {
  const user = session.require('cases.export');
  const id = parseInput(entityId, caseId);
  return session.write((db, now) => {
    const doc = buildDocument(db, id, user.username, now);
    session.audit(db, now, {
      action: 'case.export',
      entityType: 'case',
      entityId: id,
      details: { format: CASE_DOCUMENT_FORMAT, version: CASE_DOCUMENT_VERSION },
    });
    return caseDocumentSchema.parse(doc);
  });
}

/**
 * The case as a document. Without content (a handover package carries the attachments' bytes after the
 * document, one at a time), each attachment's contentBase64 is '' and nothing of its bytes is read.
 */
export function buildDocument(
  db: Db,
  id: string,
  exportedBy: string,
  now: Date,
  options: { withContent?: boolean } = {},
): CaseDocument {
  const withContent = options.withContent ?? true;
  const c = loadCaseRow(db, id);
  const names = loadAttribution(db);
  const by = (stored: string) => names.name(stored);
  const rowsOf = <R>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as R[];
  const persons = rowsOf<PersonRow>(
    'SELECT * FROM persons WHERE case_id = ? ORDER BY created_at, id',
    id,
  ).map((r) => withoutCaseId(personFromRow(r)));
  const interviews = rowsOf<InterviewRow>(
    'SELECT * FROM interviews WHERE case_id = ? ORDER BY started_at, id',
    id,
  ).map((row) => {
    const { caseId: _caseId, ...iv } = interviewFromRow(row, names);
    const answers = rowsOf<AnswerRow>(
      'SELECT * FROM answers WHERE interview_id = ? ORDER BY question_id',
      row.id,
    ).map((a) => ({
      ...answerFromRow(a, names),
      history: rowsOf<AnswerHistoryRow>(
        'SELECT * FROM answer_history WHERE answer_id = ? ORDER BY revision',
        a.id,
      ).map((h) => answerChangeFromRow(h, names)),
    }));
    return { ...iv, answers };
  });
  const notes = rowsOf<NoteRow>('SELECT * FROM notes WHERE case_id = ? ORDER BY created_at, id', id).map(
    (r) => {
      const { caseId: _caseId, authorId, importedFrom: _from, ...n } = noteFromRow(r, names);
      return { ...n, author: authorId };
    },
  );
  const followUps = rowsOf<FollowUpRow>(
    'SELECT * FROM follow_ups WHERE case_id = ? ORDER BY created_at, id',
    id,
  ).map((r) => withoutCaseId(followUpFromRow(r, by)));
  const attachments = rowsOf<AttachmentRow & { content?: Buffer }>(
    withContent
      ? 'SELECT * FROM attachments WHERE case_id = ? ORDER BY created_at, id'
      : `SELECT id, case_id, file_name, media_type, size, sha256, created_at, created_by
           FROM attachments WHERE case_id = ? ORDER BY created_at, id`,
    id,
  ).map((r) => ({
    ...withoutCaseId(attachmentFromRow(r, by)),
    contentBase64: r.content ? Buffer.from(r.content).toString('base64') : '',
  }));
  const referrals = rowsOf<ReferralRow>(
    'SELECT * FROM referrals WHERE case_id = ? ORDER BY created_at, id',
    id,
  ).map((r) => withoutCaseId(referralFromRow(r, by)));
  return {
    format: CASE_DOCUMENT_FORMAT,
    version: CASE_DOCUMENT_VERSION,
    exportedAt: now.toISOString(),
    exportedBy,
    case: {
      id: c.id,
      reference: c.reference,
      status: c.status,
      statusReason: c.status_reason,
      place: {
        kind: c.place_kind,
        name: c.place_name,
        ...(c.place_province ? { province: c.place_province } : {}),
      },
      vessel: vesselFromRow(c),
      screeningDate: c.screening_date,
      screeningResult: c.screening_result,
      officerAssessment: c.officer_assessment,
      createdAt: c.created_at,
      createdBy: by(c.created_by),
      updatedAt: c.updated_at,
      revision: c.revision,
    },
    persons,
    interviews,
    notes,
    followUps,
    attachments,
    referrals,
  };
}

export interface CaseImportResult {
  caseId: string;
  reference: string;
  /** Where Zawgyi-encoded Burmese was converted to Unicode (paths in the document, e.g. persons[0].nameOrAlias). */
  convertedFromZawgyi: string[];
}

/**
 * Imports a case document with the same checks as the screens: every answer must be to a question of
 * this app's instrument and fit it (stored in canonical form), files at most 10 MiB, values nested at
 * most MAX_JSON_DEPTH, Zawgyi text converted to Unicode (and reported). Ids and times are kept; every
 * person the document names is recorded as named by it and "imported from" its exporter, never as a
 * local account. All or nothing, in one transaction with its audit row. A case whose id or reference
 * already exists is refused (CONFLICT): no silent merge, no overwrite.
 */
export function importCaseDocument(session: Session, document: unknown): CaseImportResult {
  const user = session.require('cases.import');
  const { document: doc, converted } = checkCaseDocument(document);
  return session.write((db, now) => {
    const counts = insertCaseDocument(db, user.id, doc, (a) => Buffer.from(a.contentBase64, 'base64'));
    const c = doc.case;
    session.audit(db, now, {
      action: 'case.import',
      entityType: 'case',
      entityId: c.id,
      details: {
        reference: c.reference,
        exportedAt: doc.exportedAt,
        exportedBy: doc.exportedBy,
        convertedFromZawgyi: converted,
        counts,
      },
    });
    return { caseId: c.id, reference: c.reference, convertedFromZawgyi: converted };
  });
}

/**
 * The checks an import makes before writing anything: the schema, every answer against this app's
 * instrument (canonical form), Zawgyi converted, links inside the document, and each attachment's
 * bytes against its size and SHA-256. With `separateContent` (a handover package) the attachments'
 * bytes are not in the document (contentBase64 must be ''); whoever inserts them checks each.
 */
export function checkCaseDocument(
  document: unknown,
  options: { separateContent?: boolean } = {},
): { document: CaseDocument; converted: string[] } {
  const parsed = parseInput(caseDocumentSchema, document);
  const checked = convertZawgyi(canonicalAnswers(parsed));
  checkInternalReferences(checked.document, options.separateContent ?? false);
  return checked;
}

export type CaseDocumentCounts = Record<
  'persons' | 'interviews' | 'answers' | 'notes' | 'followUps' | 'attachments' | 'referrals',
  number
>;

/**
 * Writes a checked document's case, in the caller's write transaction: every record as the document
 * has it, people it names recorded as named by it ("imported from" its exporter). `contentOf` gives
 * each attachment's bytes (checked against its size and SHA-256 here). A case whose id or reference
 * exists is CONFLICT.
 */
export function insertCaseDocument(
  db: Db,
  userId: string,
  doc: CaseDocument,
  contentOf: (attachment: CaseDocument['attachments'][number], index: number) => Buffer,
): CaseDocumentCounts {
  const c = doc.case;
  if (db.prepare('SELECT 1 FROM cases WHERE id = ? OR reference = ?').get(c.id, c.reference)) {
    throw new AppError('CONFLICT');
  }
  const stored = (person: string) => importedAttribution(doc.exportedBy, person);
  db.prepare(
    `INSERT INTO cases (id, reference, status, status_reason, place_kind, place_name, place_province, vessel_name,
       vessel_registration, vessel_flag, screening_date, screening_result, officer_assessment, created_at, created_by,
       updated_at, updated_by, revision)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    c.reference,
    c.status,
    c.statusReason,
    c.place.kind,
    c.place.name,
    c.place.province ?? null,
    c.vessel?.name ?? null,
    c.vessel?.registration ?? null,
    c.vessel?.flag ?? null,
    c.screeningDate,
    c.screeningResult,
    c.officerAssessment,
    c.createdAt,
    stored(c.createdBy),
    c.updatedAt,
    userId,
    c.revision,
  );
  for (const p of doc.persons) {
    db.prepare(
      `INSERT INTO persons (id, case_id, name_or_alias, sex, age_years, minor, age_assessment, nationality, languages_json,
         dialect, documents_location, preferred_interviewer_gender, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      p.id,
      c.id,
      p.nameOrAlias,
      p.sex,
      p.ageYears,
      p.minor,
      p.ageAssessment,
      p.nationality,
      JSON.stringify(p.languages),
      p.dialect,
      p.documentsLocation,
      p.preferredInterviewerGender,
      p.createdAt,
      stored(c.createdBy),
      p.updatedAt,
    );
  }
  for (const iv of doc.interviews) {
    db.prepare(
      `INSERT INTO interviews (id, case_id, person_id, instrument_id, instrument_version, tier, interviewee_language,
         officer_language, interpreter_json, state, state_reason, position, started_at, started_by, updated_at, ended_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      iv.id,
      c.id,
      iv.personId,
      iv.instrumentId,
      iv.instrumentVersion,
      iv.tier,
      iv.intervieweeLanguage,
      iv.officerLanguage,
      iv.interpreter ? JSON.stringify(iv.interpreter) : null,
      iv.state,
      iv.stateReason,
      iv.position,
      iv.startedAt,
      stored(iv.startedBy),
      iv.updatedAt,
      iv.endedAt,
    );
    for (const a of iv.answers) {
      const answerId = randomUUID();
      db.prepare(
        `INSERT INTO answers (id, interview_id, question_id, value_json, revision, client_seq, answered_at, answered_by,
           wording_json)
         VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
      ).run(
        answerId,
        iv.id,
        a.questionId,
        JSON.stringify(a.value),
        a.revision,
        a.answeredAt,
        stored(a.answeredBy),
        a.wording ? JSON.stringify(a.wording) : null,
      );
      const history =
        a.history.length > 0
          ? a.history
          : [
              {
                revision: a.revision,
                oldValue: null,
                newValue: a.value,
                changedAt: a.answeredAt,
                changedBy: a.answeredBy,
              },
            ];
      for (const h of history) {
        db.prepare(
          `INSERT INTO answer_history (answer_id, revision, old_value_json, new_value_json, changed_at, changed_by)
           VALUES (?, ?, ?, ?, ?, ?)`,
        ).run(
          answerId,
          h.revision,
          h.oldValue === null ? null : JSON.stringify(h.oldValue),
          JSON.stringify(h.newValue),
          h.changedAt,
          stored(h.changedBy),
        );
      }
    }
  }
  for (const n of doc.notes) {
    db.prepare(
      'INSERT INTO notes (id, case_id, interview_id, body, author_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(n.id, c.id, n.interviewId, n.body, stored(n.author), n.createdAt, n.updatedAt);
  }
  // Absent in documents written before follow-ups existed: none to add.
  const followUps = doc.followUps ?? [];
  for (const f of followUps) {
    db.prepare(
      `INSERT INTO follow_ups (id, case_id, what, due_on, done_at, done_by, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      f.id,
      c.id,
      f.what,
      f.dueOn,
      f.doneAt,
      f.doneBy === null ? null : stored(f.doneBy),
      f.createdAt,
      stored(f.createdBy),
    );
  }
  for (const [index, a] of doc.attachments.entries()) {
    const content = contentOf(a, index);
    if (content.byteLength !== a.size || createHash('sha256').update(content).digest('hex') !== a.sha256)
      throw new AppError('VALIDATION', {
        cause: new CaseDocumentProblem(
          `attachments[${index}]`,
          'content does not match its size and SHA-256',
        ),
      });
    db.prepare(
      `INSERT INTO attachments (id, case_id, file_name, media_type, size, sha256, content, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.id,
      c.id,
      a.fileName,
      a.mediaType,
      content.byteLength,
      a.sha256,
      content,
      a.createdAt,
      stored(a.createdBy),
    );
  }
  for (const r of doc.referrals) {
    db.prepare(
      `INSERT INTO referrals (id, case_id, receiving_agency, file_name, file_sha256, signer_fingerprint, signer_name,
         signed_at, attachment_id, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.id,
      c.id,
      r.receivingAgency,
      r.fileName,
      r.fileSha256,
      r.signerFingerprint,
      r.signerName,
      r.signedAt,
      r.attachmentId,
      r.createdAt,
      stored(r.createdBy),
    );
  }
  refreshCaseSearchText(db, c.id);
  return {
    persons: doc.persons.length,
    interviews: doc.interviews.length,
    answers: doc.interviews.reduce((n, iv) => n + iv.answers.length, 0),
    notes: doc.notes.length,
    followUps: followUps.length,
    attachments: doc.attachments.length,
    referrals: doc.referrals.length,
  };
}

/**
 * Each interview must be of this app's instrument, and each answer (and each saved version of it)
 * to one of its questions, in a form that question accepts; values are replaced by their canonical form.
 */
function canonicalAnswers(doc: CaseDocument): CaseDocument {
  const interviews = doc.interviews.map((iv, i) => {
    at(`interviews[${i}].instrumentVersion`, 'not the instrument of this app version', () =>
      assertCurrentInstrument(iv.instrumentId, iv.instrumentVersion),
    );
    const answers = iv.answers.map((a, j) => {
      const path = `interviews[${i}].answers[${j}]`;
      const check = (where: string, value: unknown) =>
        at(`${path}.${where}`, 'not a question of the instrument, or a value it does not accept', () =>
          checkedAnswer(a.questionId, value),
        );
      return {
        ...a,
        value: check('value', a.value),
        history: a.history.map((h, k) => ({
          ...h,
          oldValue: h.oldValue === null ? null : check(`history[${k}].oldValue`, h.oldValue),
          newValue: check(`history[${k}].newValue`, h.newValue),
        })),
      };
    });
    return { ...iv, answers };
  });
  return { ...doc, interviews };
}

/**
 * Why a case document was refused, for the person importing it: where in the document and what rule,
 * never the values themselves (they hold personal data).
 */
export class CaseDocumentProblem extends Error {
  constructor(
    readonly where: string,
    readonly why: string,
  ) {
    super(`${where}: ${why}`);
    this.name = 'CaseDocumentProblem';
  }
}

/** Runs a check; a VALIDATION failure becomes one that says where in the document. */
function at<T>(where: string, why: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof AppError && err.code === 'VALIDATION') {
      throw new AppError('VALIDATION', { cause: new CaseDocumentProblem(where, why) });
    }
    throw err;
  }
}

/** The problems behind an import's VALIDATION error, as lines "where: why" (at most `limit`). */
export function importProblems(err: unknown, limit = 20): string[] {
  const cause = err instanceof AppError ? err.cause : undefined;
  if (cause instanceof CaseDocumentProblem) return [cause.message];
  if (cause instanceof z.ZodError) {
    return cause.issues.slice(0, limit).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  }
  if (cause instanceof RangeError) return [`(document): nested too deeply`];
  return [];
}

function formatPath(path: PropertyKey[]): string {
  return (
    path.reduce<string>(
      (out, key) =>
        typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
      '',
    ) || '(document)'
  );
}

/** Free-text fields of a document; ids, hashes, dates and file content are left alone. */
const NOT_TEXT = new Set(['id', 'contentBase64', 'sha256', 'fileSha256', 'signerFingerprint', 'format']);

/**
 * Burmese typed in the Zawgyi font encoding, anywhere in the document's text, converted to Unicode as
 * the screens offer to do (stored Zawgyi would be unreadable and unsearchable). Returns the paths changed.
 */
function convertZawgyi(doc: CaseDocument): { document: CaseDocument; converted: string[] } {
  const converted: string[] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      const { unicode } = checkZawgyi(value);
      if (unicode === value) return value;
      converted.push(path);
      return unicode;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          NOT_TEXT.has(k) || k.endsWith('Id') ? v : walk(v, path ? `${path}.${k}` : k),
        ]),
      );
    }
    return value;
  };
  return { document: walk(doc, '') as CaseDocument, converted };
}

/** Links inside the document must point inside it, and attachment bytes must match their hash. */
function checkInternalReferences(doc: CaseDocument, separateContent: boolean): void {
  const personIds = new Set(doc.persons.map((p) => p.id));
  const interviewIds = new Set(doc.interviews.map((i) => i.id));
  const attachmentIds = new Set(doc.attachments.map((a) => a.id));
  const fail = (where: string, why: string) => {
    throw new AppError('VALIDATION', { cause: new CaseDocumentProblem(where, why) });
  };
  doc.interviews.forEach((iv, i) => {
    if (iv.personId !== null && !personIds.has(iv.personId))
      fail(`interviews[${i}].personId`, 'no such person');
    const questions = new Set<string>();
    iv.answers.forEach((a, j) => {
      if (questions.has(a.questionId))
        fail(`interviews[${i}].answers[${j}]`, 'a second answer to the question');
      questions.add(a.questionId);
    });
  });
  doc.notes.forEach((n, i) => {
    if (n.interviewId !== null && !interviewIds.has(n.interviewId))
      fail(`notes[${i}].interviewId`, 'no such interview');
  });
  doc.referrals.forEach((r, i) => {
    if (r.attachmentId !== null && !attachmentIds.has(r.attachmentId))
      fail(`referrals[${i}].attachmentId`, 'no such attachment');
  });
  doc.attachments.forEach((a, i) => {
    if (separateContent) {
      if (a.contentBase64 !== '')
        fail(`attachments[${i}].contentBase64`, 'the content travels after the document');
      return;
    }
    const content = Buffer.from(a.contentBase64, 'base64');
    if (content.byteLength !== a.size || createHash('sha256').update(content).digest('hex') !== a.sha256)
      fail(`attachments[${i}]`, 'content does not match its size and SHA-256');
  });
}
