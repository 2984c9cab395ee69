import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CASE_DOCUMENT_BYTES } from '../../src/main/cli/case-document-file';
import { createStoreCommands } from '../../src/main/cli/commands/store-commands';
import { addAttachment } from '../../src/main/store/attachments';
import { exportCaseDocument, importCaseDocument, importProblems } from '../../src/main/store/case-document';
import { createCase, listCases } from '../../src/main/store/cases';
import { saveAnswer, startInterview } from '../../src/main/store/interviews';
import { addNote, listNotes } from '../../src/main/store/notes';
import type { Session } from '../../src/main/store/session';
import { addUser } from '../../src/main/store/users';
import { MAX_UPLOAD_BYTES } from '../../src/shared/domain/attachments';
import type { CaseDocument } from '../../src/shared/domain/case-document';
import { captureIo, commandNamed } from '../helpers/cli-io';
import { tempDir } from '../helpers/disk';
import { errorCode } from '../helpers/errors';
import { deepNest, mutatedFrom } from '../helpers/fuzz-payloads';
import { dbContentHash } from '../helpers/fuzz-state';
import { CASE_INPUT, OFFICER, SCREENING_INTERVIEW_INPUT, SUPERVISOR } from '../helpers/samples';
import { createTestStore, type TestStore } from '../helpers/test-app';

/**
 * import-case is an entry point like the screens: the same answer rules (the instrument's questions,
 * the shapes they accept), the same 10 MiB file limit, a nesting limit that gives VALIDATION, Zawgyi
 * text converted as the screens offer, and people named by the document never credited as local
 * accounts. Unit cases for each rule, then a fuzz run over mutated documents.
 */

// A sentence from myanmar-tools' own Zawgyi test corpus, and the same words in Unicode.
const ZAWGYI = 'ႏိုင္ငံေတာ္၏အတုိင္ပင္ခံပုဂၢိဳလ္';
const UNICODE = 'နိုင်ငံတော်၏အတိုင်ပင်ခံပုဂ္ဂိုလ်';

let source: TestStore;
let target: TestStore;
let base: CaseDocument;
let b: Session;
let localOfficerId: string;

/** A document of a case made on another device by its officer "malee", exported by "somchai" there. */
async function documentFromAnotherDevice(): Promise<CaseDocument> {
  const sup = await source.unlock();
  await addUser(sup, { ...OFFICER, role: 'officer' });
  const officer = await source.vault.unlock(OFFICER.username, OFFICER.passphrase);
  const c = createCase(officer, CASE_INPUT);
  const iv = startInterview(officer, {
    ...SCREENING_INTERVIEW_INPUT,
    caseId: c.id,
    personId: c.persons[0]?.id,
  });
  const answers = [
    ['ctrl_debt', { kind: 'choice', value: 'yes' }],
    ['consent_referral', { kind: 'choice', value: 'yes' }],
    ['id_age', { kind: 'number', value: 31 }],
  ] as const;
  answers.forEach(([questionId, value], i) => {
    saveAnswer(officer, { interviewId: iv.id, questionId, value, clientSeq: i + 1 });
  });
  addNote(officer, { caseId: c.id, body: 'Met him at the pier, tired but calm.' });
  addAttachment(officer, {
    caseId: c.id,
    fileName: 'crew-list.txt',
    mediaType: 'text/plain',
    content: Buffer.from('crew'),
  });
  officer.lock();
  const doc = exportCaseDocument(sup, c.id);
  sup.lock();
  return doc;
}

beforeAll(async () => {
  source = await createTestStore(tempDir('fs-import-source-'));
  target = await createTestStore(tempDir('fs-import-target-'));
  base = await documentFromAnotherDevice();
  b = await target.unlock();
  // The target device has its own "malee": a different person with the same username.
  localOfficerId = (await addUser(b, { ...OFFICER, displayName: 'Another Malee', role: 'officer' })).id;
}, 120_000);

afterAll(() => {
  b.lock();
  source.remove();
  target.remove();
});

/** The base document as a new case (fresh ids for every record, links kept), changed by `edit`. */
function variant(edit: (d: CaseDocument) => void = () => {}): CaseDocument {
  const d = structuredClone(base);
  const fresh = new Map<string, string>();
  const renew = (id: string) => fresh.get(id) ?? (fresh.set(id, crypto.randomUUID()).get(id) as string);
  const renewOrNull = (id: string | null) => (id === null ? null : renew(id));
  d.case.id = renew(d.case.id);
  d.case.reference = `FS-T-${d.case.id.slice(0, 8)}`;
  for (const p of d.persons) p.id = renew(p.id);
  for (const iv of d.interviews) Object.assign(iv, { id: renew(iv.id), personId: renewOrNull(iv.personId) });
  for (const n of d.notes) Object.assign(n, { id: renew(n.id), interviewId: renewOrNull(n.interviewId) });
  for (const f of d.followUps ?? []) f.id = renew(f.id);
  for (const a of d.attachments) a.id = renew(a.id);
  for (const r of d.referrals)
    Object.assign(r, { id: renew(r.id), attachmentId: renewOrNull(r.attachmentId) });
  edit(d);
  return d;
}

const firstInterview = (d: CaseDocument) => {
  const iv = d.interviews[0];
  if (!iv) throw new Error('no interview');
  return iv;
};

/** The refusal's code and the problems it reports (where and why, never values). */
function refusal(document: unknown): { code: string | null; problems: string[] } {
  try {
    importCaseDocument(b, document);
    return { code: null, problems: [] };
  } catch (err) {
    return {
      code: errorCode(err),
      problems: importProblems(err),
    };
  }
}

describe('import-case: the same rules as the screens', () => {
  it('imports the document from the other device', () => {
    const d = variant();
    expect(importCaseDocument(b, JSON.parse(JSON.stringify(d)))).toMatchObject({
      caseId: d.case.id,
      convertedFromZawgyi: [],
    });
  });

  it('refuses an answer to a question the instrument does not have', () => {
    const d = variant((x) => {
      const a = firstInterview(x).answers[0];
      if (a) a.questionId = 'made_up_question';
    });
    expect(refusal(d)).toEqual({
      code: 'VALIDATION',
      problems: [
        'interviews[0].answers[0].value: not a question of the instrument, or a value it does not accept',
      ],
    });
  });

  it('refuses an answer its question does not accept, also in the history', () => {
    const bogus = variant((x) => {
      const consent = firstInterview(x).answers.find((a) => a.questionId === 'consent_referral');
      if (consent) consent.value = { totally: 'bogus' };
    });
    expect(refusal(bogus).code).toBe('VALIDATION');
    const outOfRange = variant((x) => {
      const age = firstInterview(x).answers.find((a) => a.questionId === 'id_age');
      if (age) age.value = { kind: 'number', value: 400 };
    });
    expect(refusal(outOfRange).code).toBe('VALIDATION');
    const oldVersion = variant((x) => {
      const history = firstInterview(x).answers[0]?.history[0];
      if (history) history.newValue = { kind: 'choice', value: 'maybe' };
    });
    expect(refusal(oldVersion).problems[0]).toMatch(
      /^interviews\[0\]\.answers\[0\]\.history\[0\]\.newValue: /,
    );
  });

  it('refuses an interview of an instrument this app does not carry', () => {
    const d = variant((x) => {
      firstInterview(x).instrumentVersion = '9.9.9';
    });
    expect(refusal(d)).toMatchObject({
      code: 'VALIDATION',
      problems: [expect.stringMatching(/instrumentVersion/)],
    });
  });

  it('refuses a file over 10 MiB, as the case page does', () => {
    const content = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 7);
    const d = variant((x) => {
      const file = x.attachments[0];
      if (!file) throw new Error('no attachment');
      file.contentBase64 = content.toString('base64');
      file.size = content.byteLength;
    });
    const r = refusal(d);
    expect(r.code).toBe('VALIDATION');
    expect(r.problems.some((p) => p.startsWith('attachments[0].'))).toBe(true);
  });

  it('refuses values nested too deeply with VALIDATION, not an internal error', () => {
    for (const depth of [40, 2_000, 20_000]) {
      const d = variant((x) => {
        const a = firstInterview(x).answers[0];
        if (a) a.value = deepNest(depth, depth % 2 === 0) as never;
      });
      expect(refusal(d).code, `depth ${depth}`).toBe('VALIDATION');
    }
  });

  it('keeps imported notes as the document names them, imported from its exporter, never as a local account', () => {
    const d = variant();
    const note = d.notes[0];
    expect(note).toMatchObject({ author: OFFICER.username });
    importCaseDocument(b, d);
    expect(listNotes(b, d.case.id)).toEqual([
      expect.objectContaining({
        body: note?.body,
        authorId: OFFICER.username,
        importedFrom: SUPERVISOR.username,
        createdAt: note?.createdAt,
      }),
    ]);
    const stored = b.db.prepare('SELECT author_id FROM notes WHERE case_id = ?').pluck().all(d.case.id);
    expect(stored).not.toContain(localOfficerId);
    const credited = b.db
      .prepare(
        'SELECT count(*) FROM answers a JOIN interviews i ON i.id = a.interview_id WHERE i.case_id = ? AND a.answered_by = ?',
      )
      .pluck()
      .get(d.case.id, localOfficerId);
    expect(credited).toBe(0);
  });

  it('converts Zawgyi text to Unicode, as the screens offer, and reports where', () => {
    const d = variant((x) => {
      const person = x.persons[0];
      if (person) person.nameOrAlias = ZAWGYI;
      const note = x.notes[0];
      if (note) note.body = `${ZAWGYI} ${ZAWGYI}`;
    });
    const result = importCaseDocument(b, d);
    expect(result.convertedFromZawgyi).toEqual(['persons[0].nameOrAlias', 'notes[0].body']);
    expect(listNotes(b, d.case.id)[0]?.body).toBe(`${UNICODE} ${UNICODE}`);
    expect(listCases(b, { search: UNICODE }).rows.map((r) => r.id)).toEqual([d.case.id]);
  });

  it('fuzz: a mutated document is refused with VALIDATION and changes nothing, or imported when still valid', () => {
    fc.assert(
      fc.property(
        fc.constant(null).chain(() => mutatedFrom(variant())),
        (payload) => {
          const before = dbContentHash(b.db);
          const r = refusal(payload);
          if (r.code === null) return;
          expect(['VALIDATION', 'CONFLICT']).toContain(r.code);
          expect(dbContentHash(b.db)).toBe(before);
        },
      ),
      { numRuns: 60, seed: 20_261_202 },
    );
  });
});

describe('import-case on the command line', () => {
  const commands = createStoreCommands({ kdfProfile: 'test' });
  const importCase = async (file: string) => {
    const streams = captureIo({ FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase });
    const code = await commandNamed(commands, 'import-case').run(
      ['--data', target.dir, '--user', SUPERVISOR.username, file],
      streams,
    );
    return { code, ...streams };
  };

  it('says where a document is wrong, never what it holds', async () => {
    {
      const file = join(tempDir('fs-import-cli-'), 'case.json');
      writeFileSync(
        file,
        JSON.stringify(
          variant((x) => {
            const consent = firstInterview(x).answers.find((a) => a.questionId === 'consent_referral');
            if (consent) consent.value = { totally: 'bogus' };
          }),
        ),
      );
      const r = await importCase(file);
      expect(r.code).toBe(1);
      expect(r.err).toEqual([
        expect.stringMatching(/^problem: interviews\[0\]\.answers\[\d\]\.value: /),
        'error: VALIDATION',
      ]);
      expect(r.err.join('\n')).not.toContain('bogus');
    }
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = join(tempDir('fs-import-huge-'), 'huge.json');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, MAX_CASE_DOCUMENT_BYTES + 1); // sparse: no disk used
    closeSync(fd);
    const r = await importCase(file);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `problem: (file): larger than ${MAX_CASE_DOCUMENT_BYTES / 1024 / 1024} MiB`,
      'error: VALIDATION',
    ]);
  });

  it('reads a missing file as NOT_FOUND and junk as VALIDATION', async () => {
    expect((await importCase(join(tempDir('fs-import-none-'), 'none.json'))).err).toEqual([
      'error: NOT_FOUND',
    ]);
    const junk = join(tempDir('fs-import-junk-'), 'junk.json');
    writeFileSync(junk, '{"format": "fieldscreen.case", ');
    expect((await importCase(junk)).err).toEqual(['problem: (file): not JSON', 'error: VALIDATION']);
  });
});
