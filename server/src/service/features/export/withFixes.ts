/**
 * `--with-fixes`: before exporting, the design gets the route-filter quick fixes its rules offer (the
 * code actions the editor shows), so that the export carries what the design needs and not only what
 * it lists: a missing regional community, the community of a gateway's region, Microsoft Entra ID for
 * sign-in, a relay's regions, a filter for a peering that has none, a Power Platform region expanded
 * into its Azure regions. Guesses ("did you mean") are not applied.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver-types';

/** The rules whose preferred fix adds to a route filter what the design needs. */
const ROUTE_FILTER_FIXES = new Set(['route-filter-missing', 'route-filter-missing-region', 'gateway-route-filter', 'sign-in-route-filter', 'relay-route-filter']);

/** A route-filter-unknown-community fix is applied only where it expands a Power Platform region (not a guess). */
function isRouteFilterFix(diagnostic: Diagnostic): boolean {
  const code = String(diagnostic.code);
  if (ROUTE_FILTER_FIXES.has(code)) return true;
  return code === 'route-filter-unknown-community' && typeof (diagnostic.data as { expand?: unknown } | undefined)?.expand === 'string';
}

export interface FixingService {
  validate(document: TextDocument): Diagnostic[];
  getCodeActions(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[];
  forget(uri: string): void;
}

/** A fix's edits may make another fix's place stale: one fix at a time, the design checked again after each. */
const MAX_FIXES = 200;

/** The design with the route-filter fixes applied, and the title of each fix applied. */
export function applyRouteFilterFixes(service: FixingService, document: TextDocument): { document: TextDocument; fixes: string[] } {
  const uri = `${document.uri}#ppnet-export-fixes`;
  let current = TextDocument.create(uri, document.languageId, 1, document.getText());
  const fixes: string[] = [];
  const tried = new Set<string>();
  try {
    for (let round = 0; round < MAX_FIXES; round++) {
      const candidates = service.validate(current).filter((d) => isRouteFilterFix(d) && !tried.has(`${d.code}\u0000${d.message}`));
      const action = candidates
        .map((d) => ({ d, action: service.getCodeActions(current, [d]).find((a) => a.isPreferred && a.kind === CodeActionKind.QuickFix) }))
        .find((c) => c.action !== undefined);
      if (!action) break;
      // A fix that does not remove its diagnostic is not applied twice.
      tried.add(`${action.d.code}\u0000${action.d.message}`);
      const edits = action.action!.edit?.changes?.[uri] ?? [];
      current = TextDocument.create(uri, document.languageId, current.version + 1, TextDocument.applyEdits(current, edits));
      fixes.push(`${action.action!.title} (${action.d.code})`);
    }
  } finally {
    service.forget(uri);
  }
  return { document: TextDocument.create(document.uri, document.languageId, document.version, current.getText()), fixes };
}
