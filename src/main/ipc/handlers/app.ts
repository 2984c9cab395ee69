import { LOCALES } from '../../../shared/i18n/locales';
import { buildDiagnosticReport, formatDiagnosticReport } from '../../services/diagnostics';
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
  'app.diagnostics': (_req, ctx) => {
    const text = formatDiagnosticReport(
      buildDiagnosticReport(ctx, { logDir: ctx.logDir, electronVersion: ctx.electronVersion }),
    );
    // The renderer may not write the clipboard (permissions are denied); the shell copies for it.
    return { text, copied: ctx.copyText?.(text) ?? false };
  },
  'prefs.set': (req, ctx) => ctx.prefs.set(req),
};
