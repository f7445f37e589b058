/**
 * A focus a code lens asked for, kept until the webview says it took it. The page may miss a message
 * (it reloads when its panel is shown again) or draw something else first, so the focus is posted after
 * every graph until the page's `focused` names its request.
 */
import type { ToWebview } from '../../../protocol/protocol';

export class PendingFocus {
  private asked: Extract<ToWebview, { type: 'focus' }> | undefined;
  private lastRequest = 0;

  /** A new focus, which replaces one not taken yet. */
  ask(uri: string, node: string): void {
    this.asked = { type: 'focus', uri, node, request: ++this.lastRequest };
  }

  /** The message to post after the webview was sent what it shows of `uri` (nothing when the focus is for another file, or taken). */
  messageFor(uri: string): ToWebview | undefined {
    return this.asked?.uri === uri ? this.asked : undefined;
  }

  /** The page took the focus of `request`; an answer to an older one changes nothing. */
  taken(request: number): void {
    if (this.asked?.request === request) this.asked = undefined;
  }
}
