/** `ppnet export`: a design's route filters and enterprise policies as Bicep, ARM, Terraform or Azure CLI commands. */
import { IAC_FORMATS, IacFormat } from '../../service';
import { Command, formatOption, noteStdinFromTerminal, OUTPUT_OPTION } from '../command';
import { readDesign } from '../design';
import { escapeControl } from '../escape';
import { deliver, refuseOverwrite, toFile } from '../output';

export const exportCommand: Command = {
  name: 'export',
  usage: 'export <file|-> [--format bicep|arm|terraform|az] [--with-fixes] [--fail-on-error] [-o out]',
  summary: "writes the design's route filters and enterprise policies as Bicep, ARM, Terraform or az commands",
  details: `Each circuit's route filter (one Allow rule with the design's communities) attached to its
Microsoft peering, and each enterprise policy with its delegated subnets. Circuits and virtual
networks are referenced, never created; what the design does not say (resource group, subscription,
the filters' names...) becomes a parameter or variable. A design with errors is still exported, with
a comment that says how many.
Exit codes: 0 written, 1 the design has an error and --fail-on-error was given (nothing written),
2 bad usage, a file that cannot be read, or a config that cannot be read (written with the default
levels then).`,
  options: [
    formatOption(IAC_FORMATS, 'bicep: a Bicep file; arm: an ARM template (JSON); terraform: azurerm, azapi and powerplatform; az: a bash script of az commands.'),
    { name: '--with-fixes', help: "Apply the rules' route-filter quick fixes first (missing regional communities, a gateway's region, Microsoft Entra ID for sign-in)." },
    { name: '--fail-on-error', help: 'Write nothing and exit 1 when the design has an error.' },
    OUTPUT_OPTION,
  ],
  inputs: { min: 1, max: 1, wrongCount: 'export needs exactly one file' },
  run(args, context) {
    const [file] = args.inputs;
    const output = args.value('--output');
    noteStdinFromTerminal(args.inputs, context);
    const design = readDesign(file, context, 'exported with every rule at its default level');
    if (toFile(output)) refuseOverwrite(output, design.read);
    const exported = context.service.exportInfrastructure(design.document, {
      format: args.value('--format') as IacFormat,
      withFixes: args.flag('--with-fixes'),
      ruleLevels: design.ruleLevels,
    });
    context.service.forget(design.document.uri);
    if (design.warning) context.err(`ppnet: ${escapeControl(design.warning)}\n`);
    if (exported.errors > 0 && args.flag('--fail-on-error')) {
      context.err(`ppnet: ${design.input.file} has ${exported.errors} ${exported.errors === 1 ? 'error' : 'errors'} (ppnet check lists them); nothing written\n`);
      return 1;
    }
    deliver(context, output, exported.text, design.read);
    return design.warning ? 2 : 0;
  },
};
