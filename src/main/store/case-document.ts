import { createHash, randomUUID } from 'node:crypto';
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
import { loadAttribution } from './attribution';
import { loadCaseRow, type PersonRow, personFromRow, vesselFromRow } from './cases';
import { type FollowUpRow, followUpFromRow } from './follow-ups';
import type { InterviewRow } from './interview-rows';
import type { Session } from './session';
import { parseInput } from './validate';

type Json = CaseDocument['interviews'][number]['answers'][number]['value'];

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

function buildDocument(db: Db, id: string, exportedBy: string, now: Date): CaseDocument {
  const c = loadCaseRow(db, id);
  const names = loadAttribution(db);
  const by = (stored: string) => names.name(stored);
  const persons = (
    db.prepare('SELECT * FROM persons WHERE case_id = ? ORDER BY created_at, id').all(id) as PersonRow[]
  ).map((r) => {
    const { caseId: _caseId, ...p } = personFromRow(r);
    return p;
  });
  const interviews = (
    db.prepare('SELECT * FROM interviews WHERE case_id = ? ORDER BY started_at, id').all(id) as InterviewRow[]
  ).map((iv) => ({
    id: iv.id,
    personId: iv.person_id,
    instrumentId: iv.instrument_id,
    instrumentVersion: iv.instrument_version,
    tier: iv.tier,
    intervieweeLanguage: iv.interviewee_language,
    officerLanguage: iv.officer_language,
    interpreter: iv.interpreter_json ? JSON.parse(iv.interpreter_json) : null,
    state: iv.state,
    stateReason: iv.state_reason,
    position: iv.position,
    startedAt: iv.started_at,
    startedBy: by(iv.started_by),
    updatedAt: iv.updated_at,
    endedAt: iv.ended_at,
    answers: (
      db.prepare('SELECT * FROM answers WHERE interview_id = ? ORDER BY question_id').all(iv.id) as {
        id: string;
        question_id: string;
        value_json: string;
        revision: number;
        answered_at: string;
        answered_by: string;
      }[]
    ).map((a) => ({
      questionId: a.question_id,
      value: JSON.parse(a.value_json) as Json,
      revision: a.revision,
      answeredAt: a.answered_at,
      answeredBy: by(a.answered_by),
      history: (
        db.prepare('SELECT * FROM answer_history WHERE answer_id = ? ORDER BY revision').all(a.id) as {
          revision: number;
          old_value_json: string | null;
          new_value_json: string;
          changed_at: string;
          changed_by: string;
        }[]
      ).map((h) => ({
        revision: h.revision,
        oldValue: h.old_value_json === null ? null : (JSON.parse(h.old_value_json) as Json),
        newValue: JSON.parse(h.new_value_json) as Json,
        changedAt: h.changed_at,
        changedBy: by(h.changed_by),
      })),
    })),
  }));
  const notes = (
    db.prepare('SELECT * FROM notes WHERE case_id = ? ORDER BY created_at, id').all(id) as {
      id: string;
      interview_id: string | null;
      body: string;
      author_id: string;
      created_at: string;
      updated_at: string;
    }[]
  ).map((n) => ({
    id: n.id,
    interviewId: n.interview_id,
    body: n.body,
    author: by(n.author_id),
    createdAt: n.created_at,
    updatedAt: n.updated_at,
  }));
  const followUps = (
    db.prepare('SELECT * FROM follow_ups WHERE case_id = ? ORDER BY created_at, id').all(id) as FollowUpRow[]
  ).map((row) => {
    const { caseId: _caseId, ...followUp } = followUpFromRow(row, by);
    return followUp;
  });
  const attachments = (
    db.prepare('SELECT * FROM attachments WHERE case_id = ? ORDER BY created_at, id').all(id) as {
      id: string;
      file_name: string;
      media_type: string;
      size: number;
      sha256: string;
      content: Buffer;
      created_at: string;
      created_by: string;
    }[]
  ).map((a) => ({
    id: a.id,
    fileName: a.file_name,
    mediaType: a.media_type,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.created_at,
    createdBy: by(a.created_by),
    contentBase64: Buffer.from(a.content).toString('base64'),
  }));
  const referrals = (
    db.prepare('SELECT * FROM referrals WHERE case_id = ? ORDER BY created_at, id').all(id) as {
      id: string;
      receiving_agency: string;
      file_name: string;
      file_sha256: string;
      signer_fingerprint: string;
      signer_name: string;
      signed_at: string;
      attachment_id: string | null;
      created_at: string;
      created_by: string;
    }[]
  ).map((r) => ({
    id: r.id,
    receivingAgency: r.receiving_agency,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    signerFingerprint: r.signer_fingerprint,
    signerName: r.signer_name,
    signedAt: r.signed_at,
    attachmentId: r.attachment_id,
    createdAt: r.created_at,
    createdBy: by(r.created_by),
  }));
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

/**
 * Imports a case document as-is (ids, times and attributions kept; people unknown on this device are
 * recorded as "ext:<username>"). All or nothing, in one transaction with its audit row. A case whose
 * id or reference already exists is refused (CONFLICT): no silent merge, no overwrite.
 */
export function importCaseDocument(
  session: Session,
  document: unknown,
): { caseId: string; reference: string } {
  const user = session.require('cases.import');
  const doc = parseInput(caseDocumentSchema, document);
  checkInternalReferences(doc);
  return session.write((db, now) => {
    const c = doc.case;
    if (db.prepare('SELECT 1 FROM cases WHERE id = ? OR reference = ?').get(c.id, c.reference)) {
      throw new AppError('CONFLICT');
    }
    const names = loadAttribution(db);
    const stored = (username: string) => names.storedFor(username);
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
      user.id,
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
          `INSERT INTO answers (id, interview_id, question_id, value_json, revision, client_seq, answered_at, answered_by)
           VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
        ).run(
          answerId,
          iv.id,
          a.questionId,
          JSON.stringify(a.value),
          a.revision,
          a.answeredAt,
          stored(a.answeredBy),
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
    for (const a of doc.attachments) {
      const content = Buffer.from(a.contentBase64, 'base64');
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
    session.audit(db, now, {
      action: 'case.import',
      entityType: 'case',
      entityId: c.id,
      details: {
        reference: c.reference,
        exportedAt: doc.exportedAt,
        exportedBy: doc.exportedBy,
        counts: {
          persons: doc.persons.length,
          interviews: doc.interviews.length,
          answers: doc.interviews.reduce((n, iv) => n + iv.answers.length, 0),
          notes: doc.notes.length,
          followUps: followUps.length,
          attachments: doc.attachments.length,
          referrals: doc.referrals.length,
        },
      },
    });
    return { caseId: c.id, reference: c.reference };
  });
}

/** Links inside the document must point inside it, and attachment bytes must match their hash. */
function checkInternalReferences(doc: CaseDocument): void {
  const personIds = new Set(doc.persons.map((p) => p.id));
  const interviewIds = new Set(doc.interviews.map((i) => i.id));
  const attachmentIds = new Set(doc.attachments.map((a) => a.id));
  const fail = () => {
    throw new AppError('VALIDATION');
  };
  for (const iv of doc.interviews) {
    if (iv.personId !== null && !personIds.has(iv.personId)) fail();
    const questions = new Set<string>();
    for (const a of iv.answers) {
      if (questions.has(a.questionId)) fail();
      questions.add(a.questionId);
    }
  }
  for (const n of doc.notes) if (n.interviewId !== null && !interviewIds.has(n.interviewId)) fail();
  for (const r of doc.referrals) if (r.attachmentId !== null && !attachmentIds.has(r.attachmentId)) fail();
  for (const a of doc.attachments) {
    const content = Buffer.from(a.contentBase64, 'base64');
    if (content.byteLength !== a.size || createHash('sha256').update(content).digest('hex') !== a.sha256)
      fail();
  }
}
