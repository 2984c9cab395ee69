import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../src/main/db/migrations';
import { dbAtVersion } from '../helpers/keyed-db';

/** Seeds a version-4 database with an answered interview, upgrades it, and checks the wording columns. */
describe('migration 0005 (answer wording)', () => {
  it('adds a nullable, JSON-checked wording to answers and their history, keeping old rows as they were', () => {
    const db = dbAtVersion(4);
    db.exec(`
      INSERT INTO cases (id, reference, status, place_kind, place_name, screening_date, created_at, created_by, updated_at, updated_by)
        VALUES ('c1', 'FS-20260101-AAAA', 'draft', 'port', 'Ranong Port', '2026-01-01', 't', 'u', 't', 'u');
      INSERT INTO interviews (id, case_id, instrument_id, instrument_version, tier, interviewee_language, state, started_at, started_by, updated_at)
        VALUES ('i1', 'c1', 'fieldscreen_screening', '1.0.0', 'short', 'my', 'in_progress', 't', 'u', 't');
      INSERT INTO answers (id, interview_id, question_id, value_json, revision, client_seq, answered_at, answered_by)
        VALUES ('a1', 'i1', 'ctrl_debt', '{"kind":"choice","value":"yes"}', 1, 1, 't', 'u');
      INSERT INTO answer_history (answer_id, revision, old_value_json, new_value_json, changed_at, changed_by)
        VALUES ('a1', 1, NULL, '{"kind":"choice","value":"yes"}', 't', 'u');
    `);
    const answersBefore = db.prepare('SELECT * FROM answers').all();

    expect(migrate(db, 5)).toBe(5);
    expect(readSchemaVersion(db)).toBe(5);
    // Old answers have no recorded wording: NULL, everything else unchanged.
    expect(db.prepare('SELECT * FROM answers').all()).toEqual(
      answersBefore.map((r) => ({ ...(r as object), wording_json: null })),
    );
    expect(db.prepare('SELECT wording_json FROM answer_history').pluck().all()).toEqual([null]);

    const wording = JSON.stringify({ key: 'questions.ctrl_debt.text', variant: 'adult' });
    db.prepare("UPDATE answers SET wording_json = ? WHERE id = 'a1'").run(wording);
    expect(db.prepare("SELECT wording_json FROM answers WHERE id = 'a1'").pluck().get()).toBe(wording);
    expect(() => db.prepare("UPDATE answers SET wording_json = 'not json' WHERE id = 'a1'").run()).toThrow(
      /CHECK/,
    );
    expect(() =>
      db.prepare("UPDATE answer_history SET wording_json = '{broken' WHERE answer_id = 'a1'").run(),
    ).toThrow(/CHECK/);
    expect(migrate(db, 5)).toBe(5);
    db.close();
  });
});
