import type { Handlers } from '../dispatch';
import { requireCertificate } from '../register/certificate-store';
import type { RegisterDeps } from '../register/service';
import { exportCases, exportCsv, exportPdf } from './exports';
import { getReport, reportCases } from './service';
import { recordRemovalTarget, removalTargets } from './targets';

/**
 * The Reports channels (shared/ipc/contract.ts `report.*`): every call is an audited read (or,
 * for a target, a change) naming what it was about in the audit entry's detail: the query, the
 * number opened and how many cases it listed, the fiscal year of a target.
 */
export function reportHandlers(deps: Pick<RegisterDeps, 'certificateKey' | 'fontsDir'>) {
  return {
    'report.get': (input, ctx) => getReport(ctx, input),
    'report.cases': (input, ctx) => reportCases(ctx, input),
    'report.exportCsv': (input, ctx) => exportCsv(ctx, input),
    'report.exportPdf': (input, ctx) => exportPdf(ctx, input, { certificate: () => requireCertificate(ctx.db().sqlite, deps.certificateKey()).cert, fontsDir: deps.fontsDir }),
    'report.exportCases': (input, ctx) => exportCases(ctx, input),
    'report.targets': (_input, ctx) => removalTargets(ctx.db().db),
    'report.setTarget': (input, ctx) => {
      ctx.auditDetail(`fiscal_year=${input.fiscalYear}`);
      return ctx.tx(null, () => recordRemovalTarget(ctx.db().db, input, ctx.session.displayName, ctx.now().toISOString()));
    },
  } satisfies Pick<Handlers, 'report.get' | 'report.cases' | 'report.exportCsv' | 'report.exportPdf' | 'report.exportCases' | 'report.targets' | 'report.setTarget'>;
}
