import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addAttachment } from '../../src/main/store/attachments';
import { listAudit } from '../../src/main/store/audit';
import { exportCaseDocument, importCaseDocument } from '../../src/main/store/case-document';
import { createCase, listCases, updateCase } from '../../src/main/store/cases';
import { addFollowUp, listFollowUps, setFollowUpDone } from '../../src/main/store/follow-ups';
import { saveAnswer, startInterview } from '../../src/main/store/interviews';
import { addNote } from '../../src/main/store/notes';
import { recordReferral } from '../../src/main/store/referrals';
import type { Session } from '../../src/main/store/session';
import { addUser } from '../../src/main/store/users';
import { caseDocumentJsonSchemaText, caseDocumentSchema } from '../../src/shared/domain/case-document';
import { codeOf } from '../helpers/errors';
import { CASE_INPUT, SCREENING_INTERVIEW_INPUT } from '../helpers/samples';
import { createTestStore } from '../helpers/test-app';

function buildRichCase(s: Session): string {
  const c = createCase(s, CASE_INPUT);
  updateCase(s, {
    id: c.id,
    expectedRevision: 1,
    officerAssessment: 'ควรส่งต่อ MDT',
  });
  // A result main would have computed; set directly so the round trip carries a non-default one.
  s.db.prepare("UPDATE cases SET screening_result = 'indicators_found' WHERE id = ?").run(c.id);
  const iv = startInterview(s, {
    ...SCREENING_INTERVIEW_INPUT,
    caseId: c.id,
    personId: c.persons[0]?.id,
    interpreter: { name: 'Naw Paw', language: 'my', declarationSigned: true },
  });
  saveAnswer(s, {
    interviewId: iv.id,
    questionId: 'ctrl_debt',
    value: { kind: 'choice', value: 'yes' },
    clientSeq: 1,
  });
  saveAnswer(s, {
    interviewId: iv.id,
    questionId: 'ctrl_debt',
    value: { kind: 'choice', value: 'no' },
    clientSeq: 2,
  });
  saveAnswer(s, {
    interviewId: iv.id,
    questionId: 'close_opinion',
    value: { kind: 'text', text: 'ကျွန်တော် အလုပ်လုပ်ခဲ့တယ်' },
    clientSeq: 3,
  });
  addNote(s, { caseId: c.id, interviewId: iv.id, body: 'interpreter seated beside' });
  addFollowUp(s, { caseId: c.id, what: 'Call the shelter about a bed', dueOn: '2026-05-25' });
  const passport = addFollowUp(s, {
    caseId: c.id,
    what: 'ขอหนังสือเดินทางคืนจากไต้ก๋ง',
    dueOn: '2026-05-18',
  });
  setFollowUpDone(s, { id: passport.id, done: true });
  const pdf = addAttachment(s, {
    caseId: c.id,
    fileName: 'photo.jpg',
    mediaType: 'image/jpeg',
    content: new Uint8Array([9, 8, 7]),
  });
  recordReferral(s, {
    caseId: c.id,
    receivingAgency: 'MDT Songkhla',
    fileName: 'ref.pdf',
    fileSha256: 'e'.repeat(64),
    signerFingerprint: 'f'.repeat(64),
    signerName: 'Somchai',
    signedAt: '2026-05-21T11:00:00.000Z',
  });
  expect(pdf.size).toBe(3);
  return c.id;
}

describe('case document', () => {
  it('exports a complete, schema-valid document and audits the export', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const id = buildRichCase(s);
    const doc = exportCaseDocument(s, id);
    expect(caseDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({ format: 'fieldscreen.case', version: 1, exportedBy: 'somchai' });
    const debt = doc.interviews[0]?.answers.find((a) => a.questionId === 'ctrl_debt');
    expect(debt?.value).toEqual({ kind: 'choice', value: 'no' });
    expect(debt?.history.map((h) => [h.oldValue, h.newValue])).toEqual([
      [null, { kind: 'choice', value: 'yes' }],
      [
        { kind: 'choice', value: 'yes' },
        { kind: 'choice', value: 'no' },
      ],
    ]);
    expect(doc.attachments[0]?.contentBase64).toBe(Buffer.from([9, 8, 7]).toString('base64'));
    const followUps = [...(doc.followUps ?? [])].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    expect(followUps).toEqual([
      expect.objectContaining({
        what: 'ขอหนังสือเดินทางคืนจากไต้ก๋ง',
        dueOn: '2026-05-18',
        doneAt: '2026-05-21T08:00:00.000Z',
        doneBy: 'somchai',
        createdBy: 'somchai',
      }),
      expect.objectContaining({
        what: 'Call the shelter about a bed',
        dueOn: '2026-05-25',
        doneAt: null,
        doneBy: null,
        createdBy: 'somchai',
      }),
    ]);
    expect(listAudit(s, { action: 'case.export' })).toHaveLength(1);
    s.lock();
  });

  it('imports into another store and exports the same content again', async () => {
    const source = await createTestStore();
    const a = await source.unlock();
    const id = buildRichCase(a);
    const doc = structuredClone(exportCaseDocument(a, id));
    a.lock();
    // Someone who has no account on the target device keeps their name in the history.
    const answer = doc.interviews[0]?.answers[0];
    if (!answer) throw new Error('no answer');
    answer.answeredBy = 'visitor';
    for (const h of answer.history) h.changedBy = 'visitor';
    const done = doc.followUps?.find((f) => f.doneAt !== null);
    const open = doc.followUps?.find((f) => f.doneAt === null);
    if (!done || !open) throw new Error('expected one done and one open follow-up');
    done.doneBy = 'visitor';
    open.createdBy = 'visitor';

    const target = await createTestStore();
    const b = await target.unlock();
    // Pass through JSON as the CLI does.
    const imported = importCaseDocument(b, JSON.parse(JSON.stringify(doc)));
    expect(imported.caseId).toBe(id);
    expect(listCases(b, { search: 'ko aung' }).rows.map((r) => r.id)).toEqual([id]);
    const again = exportCaseDocument(b, id);
    const strip = (d: typeof doc) => ({ ...d, exportedAt: '', exportedBy: '' });
    expect(strip(again)).toEqual(strip(doc));
    // The follow-ups as the case page lists them: done state, due days and who, as on the source device.
    const byId = new Map(listFollowUps(b, id).map((f) => [f.id, f]));
    expect(byId.size).toBe(2);
    expect(byId.get(done.id)).toEqual({ ...done, caseId: id, doneBy: 'visitor' });
    expect(byId.get(open.id)).toEqual({
      ...open,
      caseId: id,
      createdBy: 'visitor',
      doneAt: null,
      doneBy: null,
    });
    expect(listAudit(b, { action: 'case.import' })[0]?.details).toMatchObject({
      counts: {
        persons: 1,
        interviews: 1,
        answers: 2,
        notes: 1,
        followUps: 2,
        attachments: 1,
        referrals: 1,
      },
    });
    // The same document twice: refused, not duplicated.
    expect(codeOf(() => importCaseDocument(b, doc))).toBe('CONFLICT');
    b.lock();
  });

  it('imports a version-1 document written before follow-ups existed', async () => {
    const source = await createTestStore();
    const a = await source.unlock();
    const id = buildRichCase(a);
    const { followUps: _dropped, ...old } = structuredClone(exportCaseDocument(a, id));
    a.lock();
    expect(Object.keys(old)).not.toContain('followUps');
    expect(old.version).toBe(1);

    const target = await createTestStore();
    const b = await target.unlock();
    expect(importCaseDocument(b, JSON.parse(JSON.stringify(old))).caseId).toBe(id);
    expect(listFollowUps(b, id)).toEqual([]);
    // Exported again it is the same case, now saying outright that it has no follow-ups.
    const again = exportCaseDocument(b, id);
    expect(again.followUps).toEqual([]);
    const strip = (d: typeof again) => ({ ...d, exportedAt: '', exportedBy: '', followUps: [] });
    expect(strip(again)).toEqual(strip({ ...old, followUps: [] }));
    expect(listAudit(b, { action: 'case.import' })[0]?.details).toMatchObject({ counts: { followUps: 0 } });
    b.lock();
  });

  it('refuses follow-ups that the store could not hold', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const doc = exportCaseDocument(s, buildRichCase(s));
    s.lock();
    const target = await createTestStore();
    const b = await target.unlock();
    const broken: [string, (f: NonNullable<typeof doc.followUps>[number]) => void][] = [
      ['done without who', (f) => Object.assign(f, { doneAt: '2026-05-21T09:00:00.000Z', doneBy: null })],
      ['who without when', (f) => Object.assign(f, { doneAt: null, doneBy: 'somchai' })],
      ['Buddhist-era due year', (f) => Object.assign(f, { dueOn: '2569-05-25' })],
      ['not a calendar day', (f) => Object.assign(f, { dueOn: '2026-02-30' })],
      ['empty task', (f) => Object.assign(f, { what: '' })],
      ['task too long', (f) => Object.assign(f, { what: 'x'.repeat(501) })],
    ];
    for (const [why, change] of broken) {
      const bad = structuredClone(doc);
      const first = bad.followUps?.[0];
      if (!first) throw new Error('no follow-up');
      change(first);
      expect(
        codeOf(() => importCaseDocument(b, bad)),
        why,
      ).toBe('VALIDATION');
    }
    expect(listCases(b, {}).rows).toEqual([]);
    b.lock();
  });

  it('refuses invalid documents and tampered attachments; officers cannot import', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const doc = exportCaseDocument(s, buildRichCase(s));
    expect(codeOf(() => importCaseDocument(s, { ...doc, version: 2 }))).toBe('VALIDATION');
    expect(codeOf(() => importCaseDocument(s, { hello: 'world' }))).toBe('VALIDATION');
    const tampered = structuredClone(doc);
    tampered.case.id = crypto.randomUUID();
    tampered.case.reference = 'FS-OTHER';
    if (tampered.attachments[0])
      tampered.attachments[0].contentBase64 = Buffer.from([1, 1, 1]).toString('base64');
    expect(codeOf(() => importCaseDocument(s, tampered))).toBe('VALIDATION');
    await addUser(s, {
      username: 'malee',
      displayName: 'Malee',
      role: 'officer',
      passphrase: 'officer passphrase',
    });
    const officer = await store.vault.unlock('malee', 'officer passphrase');
    const fresh = {
      ...structuredClone(doc),
      case: { ...doc.case, id: crypto.randomUUID(), reference: 'FS-NEW' },
    };
    expect(codeOf(() => importCaseDocument(officer, fresh))).toBe('FORBIDDEN_ROLE');
    officer.lock();
    s.lock();
  });

  it('the published JSON Schema is the one generated from the zod schema', () => {
    const committed = readFileSync(
      join(import.meta.dirname, '..', '..', 'docs', 'case-document.schema.json'),
      'utf8',
    );
    // If this fails: node --experimental-strip-types scripts/gen-case-schema.ts
    expect(committed).toBe(caseDocumentJsonSchemaText());
    expect(JSON.parse(committed)).toMatchObject({ $id: expect.stringContaining('case-document-v1') });
  });
});
