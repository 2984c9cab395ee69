import type { Migration } from './types';

/**
 * Version 5: the wording each answer was asked in (src/shared/domain/interviews.ts `answerWording`), as
 * JSON, on the answer and on every saved version of it. Rows saved before have NULL (wording unknown;
 * screens fall back to the instrument's current text and say so).
 */
export const migration0005: Migration = {
  version: 5,
  name: 'answer-wording',
  up(db) {
    db.exec(`
      ALTER TABLE answers ADD COLUMN wording_json TEXT CHECK (wording_json IS NULL OR json_valid(wording_json));
      ALTER TABLE answer_history ADD COLUMN wording_json TEXT CHECK (wording_json IS NULL OR json_valid(wording_json));
    `);
  },
};
