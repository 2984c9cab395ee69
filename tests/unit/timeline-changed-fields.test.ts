import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScriptedInterview } from '../../src/main/demo/seed';
import { caseTimeline } from '../../src/main/store/case-history';
import { createCase, updateCase, updatePerson } from '../../src/main/store/cases';
import {
  allChangedFieldLabelKeys,
  changedFieldLabelKey,
  changedFieldLabelKeys,
  OTHER_FIELDS_KEY,
} from '../../src/renderer/features/cases/casework/changed-fields';
import { answer } from '../../src/shared/instrument';
import { CASE_INPUT } from '../helpers/samples';
import { createTestStore } from '../helpers/test-app';

const LOCALES = ['th', 'my', 'km', 'lo', 'vi', 'en'] as const;

function lookup(tree: unknown, dotted: string): unknown {
  let node = tree;
  for (const part of dotted.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function commonStrings(lng: string): unknown {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'locales', lng, 'common.json'), 'utf8'),
  );
}

describe('changed field labels on the case timeline', () => {
  it('maps case columns and person keys to their labels', () => {
    expect(changedFieldLabelKey('screening_result')).toBe('timeline.fields.screeningResult');
    expect(changedFieldLabelKey('officer_assessment')).toBe('timeline.fields.officerAssessment');
    expect(changedFieldLabelKey('place_name')).toBe('timeline.fields.place');
    expect(changedFieldLabelKey('vessel_flag')).toBe('timeline.fields.vesselFlag');
    expect(changedFieldLabelKey('nameOrAlias')).toBe('timeline.fields.nameOrAlias');
    expect(changedFieldLabelKey('preferredInterviewerGender')).toBe(
      'timeline.fields.preferredInterviewerGender',
    );
  });

  it('never passes an unknown name through: it reads as "other details"', () => {
    for (const raw of [
      'reference',
      'status',
      'screeningResult',
      'toString',
      'constructor',
      '__proto__',
      '',
    ]) {
      expect(changedFieldLabelKey(raw), raw).toBe(OTHER_FIELDS_KEY);
    }
    expect(changedFieldLabelKeys(['secret_column', 'screening_result', 'another_one'])).toEqual([
      'timeline.fields.screeningResult',
      OTHER_FIELDS_KEY,
    ]);
  });

  it('keeps the row order and names each label once', () => {
    expect(changedFieldLabelKeys(['officer_assessment', 'screening_result'])).toEqual([
      'timeline.fields.officerAssessment',
      'timeline.fields.screeningResult',
    ]);
    expect(changedFieldLabelKeys([])).toEqual([]);
  });

  it('has every label in all six locales, none of them a raw field name', () => {
    const keys = allChangedFieldLabelKeys();
    expect(keys).toContain(OTHER_FIELDS_KEY);
    for (const lng of LOCALES) {
      const strings = commonStrings(lng);
      for (const key of keys) {
        const text = lookup(strings, key);
        expect(typeof text === 'string' && text.trim().length > 0, `${lng} ${key}`).toBe(true);
        expect(text, `${lng} ${key}`).not.toMatch(/_|^[a-z]+[A-Z]/);
      }
    }
  });

  it('labels every field that case.update and person.update actually record', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const c = createCase(s, CASE_INPUT);
    // Change every field either service can change, so the audit rows name them all.
    updateCase(s, {
      id: c.id,
      expectedRevision: c.revision,
      place: { kind: 'port', name: 'Ranong fishing port', province: 'Ranong' },
      vessel: { name: 'Sea Star 8', registration: 'RN-99', flag: 'Myanmar' },
      screeningDate: '2026-05-20',
      officerAssessment: 'Refer to the MDT',
    });
    // The screening result changes in main when an interview ends (an urgent answer here).
    runScriptedInterview(
      s,
      { lang: 'my', interpreter: null, answers: { needs_danger_now: answer.yes() } },
      { caseId: c.id, tier: 'short' },
    );
    const personId = c.persons[0]?.id;
    if (!personId) throw new Error('no person');
    updatePerson(s, {
      id: personId,
      nameOrAlias: 'Aung Ko',
      sex: 'female',
      ageYears: 17,
      minor: 'minor',
      ageAssessment: 'self_reported',
      nationality: 'Myanmar',
      languages: ['my', 'shn'],
      dialect: 'Dawei',
      documentsLocation: 'with_captain',
      preferredInterviewerGender: 'female',
    });
    const timeline = caseTimeline(s, { caseId: c.id, includeRoutine: false, limit: 100 });
    const recorded = timeline
      .filter((e) => e.action === 'case.update' || e.action === 'person.update')
      .flatMap((e) => e.changedFields ?? []);
    expect(recorded).toHaveLength(9 + 10);
    for (const field of recorded) expect(changedFieldLabelKey(field), field).not.toBe(OTHER_FIELDS_KEY);
    // Nine case fields, ten person fields: each with a label of its own.
    expect(new Set(changedFieldLabelKeys(recorded)).size).toBe(recorded.length);
    s.lock();
  });
});
