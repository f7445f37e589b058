/** `ppnet diff`: what a change to a design does to its flows, findings, entities and route matrix. */
import { diffDesigns, DesignDiff } from '../../../../review/diff';
import { Command, CONFIG_OPTION, formatOption, OUTPUT_OPTION } from '../command';
import { formatDiffMarkdown } from '../diff/markdown';
import { DiffSources, gitSources, pathSources } from '../diff/sources';
import { formatDiffText } from '../diff/text';
import { filePairs } from '../diff/versions';
import { UsageError } from '../errors';
import { escapeControlInJson } from '../escape';
import { deliver } from '../output';

const FORMATS = {
  text: formatDiffText,
  json: (diff: DesignDiff, base: string, head: string) => JSON.stringify({ base, head, ...diff }, escapeControlInJson, 2) + '\n',
  markdown: formatDiffMarkdown,
};

const FAIL_ON = ['moved', 'errors', 'never'] as const;

/** What `--fail-on` names: by default both a flow moved to a more exposed route and a new error. */
function failOnOf(given: readonly string[]): Set<string> {
  const on = new Set(given.length ? given : ['moved', 'errors']);
  if (on.has('never') && on.size > 1) throw new UsageError('--fail-on never cannot go with --fail-on moved or errors');
  return on;
}

function fails(diff: DesignDiff, on: ReadonlySet<string>): boolean {
  return (on.has('moved') && diff.summary.moreExposed > 0) || (on.has('errors') && diff.summary.newErrors > 0);
}

export const diffCommand: Command = {
  name: 'diff',
  usage: 'diff <base> <head> | diff --git <rev> <path>... [--format text|json|markdown] [--fail-on moved|errors|never] [-o out]',
  summary: 'what a change does: flows that change route, findings that appear, entities renamed, route-matrix cells',
  details: `<base> and <head> are two files or two folders (files paired by their path below each).
With --git <rev>, each <path> (a file or folder) is compared with the same path, from the
repository's root, in that commit: ppnet diff --git origin/main network/
Flows are matched by their ids, findings by code and entity, so moving a block is no change;
an entity removed whose content comes back under a new id is a rename.
Exit codes: 0 nothing to fail on, 1 a flow moves to a more exposed route (no route, public
internet, unknown, ExpressRoute, virtual network, Microsoft backbone, most exposed first) or a new
error appears (--fail-on moved or errors chooses one; never, none), 2 bad usage or a path that
cannot be read.`,
  options: [
    formatOption(Object.keys(FORMATS), 'text: the changes by kind; json: the diff (its schema: schemas/ppnet-diff.schema.json); markdown: for a pull-request comment or a job summary.'),
    { name: '--git', value: 'a revision (branch, tag or commit)', help: 'Read the base from git, at the same paths from the repository root, in this commit.' },
    { name: '--fail-on', value: 'what fails the run', choices: FAIL_ON, repeatable: true, help: 'moved: a flow moves to a more exposed route; errors: a new error; never. Default: moved and errors.' },
    OUTPUT_OPTION,
    CONFIG_OPTION,
  ],
  inputs: { min: 1, wrongCount: 'diff needs a base and a head, or --git <rev> and a path' },
  run(args, context) {
    const rev = args.value('--git');
    if (rev === undefined && args.inputs.length !== 2) throw new UsageError('diff needs a base and a head (two files or two folders), or --git <rev> and the paths to compare', true);
    const failOn = failOnOf(args.values('--fail-on'));
    const sources: DiffSources = rev === undefined ? pathSources(args.inputs[0], args.inputs[1]) : gitSources(rev, args.inputs);
    const diff = diffDesigns(filePairs(sources, context));
    const read = sources.pairs.flatMap((pair) => [pair.base?.source, pair.head?.source]).filter((file): file is string => file !== undefined);
    const configs = read.flatMap((file) => context.configs.forFile(file)?.path ?? []);
    const format = args.value('--format') as keyof typeof FORMATS;
    deliver(context, args.value('--output'), FORMATS[format](diff, sources.base, sources.head), [...read, ...configs]);
    return fails(diff, failOn) ? 1 : 0;
  },
};
