import {
  createCase,
  getCase,
  listCases,
  listPlaces,
  setCaseStatus,
  updateCase,
  updatePerson,
} from '../../store/cases';
import type { Handler } from '../dispatch';

export const caseHandlers: {
  'cases.list': Handler<'cases.list'>;
  'cases.places': Handler<'cases.places'>;
  'cases.create': Handler<'cases.create'>;
  'cases.get': Handler<'cases.get'>;
  'cases.update': Handler<'cases.update'>;
  'cases.setStatus': Handler<'cases.setStatus'>;
  'persons.update': Handler<'persons.update'>;
} = {
  'cases.list': (req, ctx) => listCases(ctx.sessions.require(), req),
  'cases.places': (_req, ctx) => listPlaces(ctx.sessions.require()),
  'cases.create': (req, ctx) => createCase(ctx.sessions.require(), req),
  'cases.get': (req, ctx) => getCase(ctx.sessions.require(), req.id),
  'cases.update': (req, ctx) => updateCase(ctx.sessions.require(), req),
  'cases.setStatus': (req, ctx) => setCaseStatus(ctx.sessions.require(), req),
  'persons.update': (req, ctx) => updatePerson(ctx.sessions.require(), req),
};
