/**
 * Redraws after an edit by replacing only what changed. The layout keeps everything else where it
 * was, so that the markup of nearly every group, edge and node is the same string as before; only the
 * elements whose markup differs are parsed (in one go) and swapped in. Parsing the whole SVG of a
 * large graph is most of a full redraw.
 */
import type { SvgLayers } from '../../diagram/svg';
import type { ThemeKind } from '../../diagram/theme';

const SVG_NS = 'http://www.w3.org/2000/svg';
const LAYERS = ['groups', 'edges', 'nodes'] as const;

interface Drawn {
  markup: string;
  element: Element;
}

export class DiagramPatcher {
  private layers: Record<(typeof LAYERS)[number], { parent: Element; drawn: Map<string, Drawn>; order: string[] }> | undefined;
  private theme: ThemeKind | undefined;

  /** Forgets the drawing (a full redraw follows). */
  reset(): void {
    this.layers = undefined;
  }

  /** After a full redraw: `root` holds the layers (`g.groups`, `g.edges`, `g.nodes`) drawn from `layers`. */
  remember(root: Element, layers: SvgLayers, theme: ThemeKind): void {
    this.layers = undefined;
    const parents = LAYERS.map((name) => root.querySelector(`g.${name}`));
    if (parents.some((p) => !p)) return;
    const remembered = {} as NonNullable<DiagramPatcher['layers']>;
    for (const [i, name] of LAYERS.entries()) {
      const parent = parents[i]!;
      const elements = [...parent.children];
      if (elements.length !== layers[name].length) return;
      remembered[name] = {
        parent,
        drawn: new Map(layers[name].map(([id, markup], k) => [id, { markup, element: elements[k] }])),
        order: layers[name].map(([id]) => id),
      };
    }
    this.layers = remembered;
    this.theme = theme;
  }

  /** Brings the drawing to `layers`; `false` when there is none to bring (draw in full instead). */
  patch(layers: SvgLayers, theme: ThemeKind): boolean {
    if (!this.layers || theme !== this.theme) return false;
    // Parse every changed element in one document.
    const changed: string[] = [];
    for (const name of LAYERS) {
      for (const [id, markup] of layers[name]) if (this.layers[name].drawn.get(id)?.markup !== markup) changed.push(markup);
    }
    const parsed: Element[] = [];
    if (changed.length) {
      const document = new DOMParser().parseFromString(`<svg xmlns="${SVG_NS}">${changed.join('')}</svg>`, 'image/svg+xml');
      const root = document.documentElement;
      if (root.nodeName !== 'svg' || root.children.length !== changed.length) return false;
      parsed.push(...[...root.children].map((element) => window.document.importNode(element, true)));
    }
    let next = 0;
    for (const name of LAYERS) {
      const layer = this.layers[name];
      const drawn = new Map<string, Drawn>();
      const elements = layers[name].map(([id, markup]) => {
        const old = layer.drawn.get(id);
        const element = old?.markup === markup ? old.element : parsed[next++];
        drawn.set(id, { markup, element });
        return element;
      });
      const order = layers[name].map(([id]) => id);
      if (order.length === layer.order.length && order.every((id, i) => id === layer.order[i])) {
        order.forEach((id, i) => {
          const old = layer.drawn.get(id)!;
          if (old.element !== elements[i]) old.element.replaceWith(elements[i]);
        });
      } else {
        layer.parent.replaceChildren(...elements);
      }
      layer.drawn = drawn;
      layer.order = order;
    }
    return true;
  }
}
