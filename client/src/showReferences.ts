/**
 * The command a code lens runs to list places (a gateway's connectors): VS Code's references view,
 * with the server's LSP arguments turned into VS Code's types (`editor.action.showReferences` takes
 * only those).
 */
import { commands, ExtensionContext, Location, Position, Range, Uri } from 'vscode';
import { SHOW_REFERENCES_COMMAND } from '../../protocol/protocol';

interface LspPosition {
  line: number;
  character: number;
}

const isPosition = (value: unknown): value is LspPosition =>
  typeof value === 'object' && value !== null && Number.isInteger((value as LspPosition).line) && Number.isInteger((value as LspPosition).character);

const position = (p: LspPosition) => new Position(p.line, p.character);

export function registerShowReferences(context: ExtensionContext): void {
  context.subscriptions.push(
    commands.registerCommand(SHOW_REFERENCES_COMMAND, async (uri: unknown, at: unknown, locations: unknown) => {
      if (typeof uri !== 'string' || !isPosition(at) || !Array.isArray(locations)) return;
      const places = locations.flatMap((l: { uri?: unknown; range?: { start?: unknown; end?: unknown } }) =>
        typeof l?.uri === 'string' && isPosition(l.range?.start) && isPosition(l.range?.end)
          ? [new Location(Uri.parse(l.uri), new Range(position(l.range.start), position(l.range.end)))]
          : [],
      );
      await commands.executeCommand('editor.action.showReferences', Uri.parse(uri), position(at), places);
    }),
  );
}
