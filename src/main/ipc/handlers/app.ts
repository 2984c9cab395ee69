import { LOCALES } from '../../../shared/i18n/locales';
import { copyDiagnosticReport } from '../../services/diagnostics';
import type { Handler } from '../dispatch';

export const appHandlers: {
  'app.info': Handler<'app.info'>;
  'prefs.get': Handler<'prefs.get'>;
  'app.diagnostics': Handler<'app.diagnostics'>;
  'prefs.set': Handler<'prefs.set'>;
} = {
  'app.info': (_req, ctx) => ({
    name: 'FieldScreen',
    version: ctx.appVersion,
    runtime: ctx.runtime,
    electronVersion: ctx.electronVersion,
    nodeVersion: process.versions.node,
    locales: [...LOCALES],
  }),
  'prefs.get': (_req, ctx) => ctx.prefs.get(),
  'app.diagnostics': (_req, ctx) => copyDiagnosticReport(ctx),
  'prefs.set': (req, ctx) => ctx.prefs.set(req),
};
