/**
 * Infrastructure as code from a design (`ppnet export`, the editor's export command and its copy
 * action): the route filters and enterprise policies as Bicep, an ARM template, Terraform or Azure CLI
 * commands. Pure: text in, text out; writing a file is the caller's business.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { Topology } from '../../model/model';
import { INFRASTRUCTURE_FORMATS, InfrastructureFormat } from '../../../../../protocol/infrastructure';
import { toArm } from './arm';
import { toAz } from './az';
import { toBicep } from './bicep';
import { buildExportModel, ExportModel } from './model';
import { toTerraform } from './terraform';
import { applyRouteFilterFixes, FixingService } from './withFixes';

export const IAC_FORMATS: readonly IacFormat[] = INFRASTRUCTURE_FORMATS.map((f) => f.id);
export type IacFormat = InfrastructureFormat;

const WRITERS: Record<IacFormat, (model: ExportModel) => string> = { bicep: toBicep, arm: toArm, terraform: toTerraform, az: toAz };

/** The file name ending each format is saved with: `.bicep`. */
export const IAC_EXTENSIONS = Object.fromEntries(INFRASTRUCTURE_FORMATS.map((f) => [f.id, `.${f.extension}`])) as Record<IacFormat, string>;

export interface IacExportOptions {
  format: IacFormat;
  /** Apply the route-filter quick fixes first. */
  withFixes?: boolean;
  /** Only this circuit's route filter and its attachment (no policy). */
  circuit?: string;
}

export interface IacExport {
  text: string;
  /** How many errors the design has (after the fixes applied). */
  errors: number;
  /** The titles of the fixes applied. */
  fixes: string[];
}

export interface ExportingService extends FixingService {
  getTopology(document: TextDocument): Topology;
}

export function exportInfrastructure(service: ExportingService, document: TextDocument, options: IacExportOptions): IacExport {
  const { document: design, fixes } = options.withFixes ? applyRouteFilterFixes(service, document) : { document, fixes: [] };
  let diagnostics: Diagnostic[];
  let topology: Topology;
  if (design === document) {
    diagnostics = service.validate(design);
    topology = service.getTopology(design);
  } else {
    // The fixed text is not the open document: checked under its own name, then forgotten.
    const fixed = TextDocument.create(`${document.uri}#ppnet-export-fixed`, design.languageId, 1, design.getText());
    diagnostics = service.validate(fixed);
    topology = service.getTopology(fixed);
    service.forget(fixed.uri);
  }
  const fileName = decodeURIComponent(document.uri.split('/').pop() || document.uri);
  const model = buildExportModel({ topology, diagnostics, fileName, fixes, circuit: options.circuit });
  return { text: WRITERS[options.format](model), errors: model.errors, fixes };
}
