import { z } from 'zod';
import {
  caseCreateInput,
  caseDetail,
  caseListQuery,
  caseListResult,
  caseSetStatusInput,
  caseUpdateInput,
} from '../../domain/cases';
import { entityId } from '../../domain/common';
import { person, personUpdateInput } from '../../domain/persons';
import { channel } from '../channel';

export const caseChannels = {
  'cases.list': channel('signedIn', caseListQuery.strict(), caseListResult),
  'cases.places': channel('signedIn', z.strictObject({}), z.array(z.string())),
  'cases.create': channel('signedIn', caseCreateInput.strict(), caseDetail),
  'cases.get': channel('signedIn', z.strictObject({ id: entityId }), caseDetail),
  'cases.update': channel('signedIn', caseUpdateInput.strict(), caseDetail),
  'cases.setStatus': channel('signedIn', caseSetStatusInput.strict(), caseDetail),
  /** Corrects a person's details (audited with the old and new values); absent fields keep theirs. */
  'persons.update': channel('signedIn', personUpdateInput.strict(), person),
};
