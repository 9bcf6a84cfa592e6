import type { ViewColumn } from './types';

/** Widths for columns the view leaves open, by format. */
export const DEFAULT_WIDTH: Record<string, number> = {
  text: 140, datetime: 150, maskedName: 80, maskedPhone: 120, vocabulary: 90, region: 100, department: 140, item: 140, status: 100, sla: 196, user: 90,
};

/** The width of the checkbox column when rows can be selected (set on the table, so the plan can count on it). */
export const SELECTION_WIDTH = 40;

/** Columns a narrow list gives up last: below this priority a column is never hidden. */
const ALWAYS = 1;
/** The priority of a column that names none (and is not one of the view's key columns). */
const DEFAULT_PRIORITY = 3;
/** Narrowest an ellipsis column gets before the list scrolls sideways instead. */
const MIN_SHRINK = 96;
/** How much of its width an ellipsis column gives up to keep another column on screen. */
const SQUEEZE = 0.2;

/** Formats whose cells truncate with an ellipsis (and so may take leftover room or give some up). */
const ELASTIC = new Set(['text', 'item', 'department', 'region', 'vocabulary', 'user', 'maskedName', 'maskedPhone']);

export const preferredWidth = (c: Pick<ViewColumn, 'width' | 'format'>): number => c.width ?? DEFAULT_WIDTH[c.format ?? 'text'] ?? 140;

/**
 * A column's priority on a narrow screen: the view's own, else 1 (never hidden) for the status and
 * time-limit columns and the view's first two columns (number and title), else 3.
 */
export function priorityOf(column: Pick<ViewColumn, 'priority' | 'format'>, index: number): number {
  if (column.priority !== undefined) return column.priority;
  return column.format === 'status' || column.format === 'sla' || index < 2 ? ALWAYS : DEFAULT_PRIORITY;
}

export interface ColumnPlan {
  /**
   * `fit`: the shown columns fill the width exactly (fixed table layout, nothing scrolls sideways, nothing sticky);
   * `scroll`: every column at its width, the list scrolls sideways with the buttons fixed at the end
   * (the width is not known yet, the user asked for every column, or even the key columns do not fit).
   */
  mode: 'fit' | 'scroll';
  /** The columns shown, in the view's order, each with its width in px. */
  shown: { column: ViewColumn; width: number }[];
  /** The columns left out for want of room, in the view's order. */
  hidden: ViewColumn[];
}

/**
 * Which of a view's columns a list of `available` px shows, and how wide: the view's order stays; when
 * the columns are wider than the list, those of the highest priority number go first (the rightmost
 * first among equals) until the rest fit with the ellipsis columns narrowed by at most a fifth; room
 * left over widens the ellipsis columns; when even the key columns do not fit, the ellipsis columns
 * narrow further (not below 96 px) before the list scrolls. No column narrows below its `minWidth`
 * (its header); the first column (the number, which identifies the row) narrows only when it has one
 * (its longest text). `reserved` is what the checkbox and buttons columns take.
 */
export function planColumns(columns: readonly (ViewColumn & { minWidth?: number })[], available: number, reserved: number, options: { all?: boolean } = {}): ColumnPlan {
  const widths = columns.map(preferredWidth);
  const scroll: ColumnPlan = { mode: 'scroll', shown: columns.map((column, i) => ({ column, width: widths[i]! })), hidden: [] };
  if (!(available > 0) || options.all) return scroll;
  const room = available - reserved;
  const kept = columns.map(() => true);
  const total = () => widths.reduce((s, w, i) => s + (kept[i] ? w : 0), 0);
  // the first column identifies the row: it narrows only to a known `minWidth` (its longest text), never cutting it
  const elasticAt = (i: number) => (i > 0 || columns[i]!.minWidth !== undefined) && kept[i]! && ELASTIC.has(columns[i]!.format ?? 'text');
  /** What each shown ellipsis column can give up, narrowed by `share` of its width (not below MIN_SHRINK). */
  const gives = (share: number) => widths.map((w, i) => (elasticAt(i) ? Math.max(0, w - Math.max(MIN_SHRINK, columns[i]!.minWidth ?? 0, Math.ceil(w * (1 - share)))) : 0));
  const sumOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  // the order of giving up: highest priority number first, then from the right
  const order = columns.map((c, i) => ({ i, p: priorityOf(c, i) })).filter((x) => x.p > ALWAYS).sort((a, b) => b.p - a.p || b.i - a.i);
  for (const { i } of order) {
    if (total() <= room + sumOf(gives(SQUEEZE))) break;
    kept[i] = false;
  }
  const elastic = columns.map((_, i) => elasticAt(i));
  const sized = [...widths];
  let excess = total() - room;
  if (excess > 0) {
    // narrow the ellipsis columns in proportion to what each can give: a fifth at most, else down to MIN_SHRINK
    let give = gives(SQUEEZE);
    if (sumOf(give) < excess) give = gives(1);
    const spare = sumOf(give);
    if (spare < excess) return scroll;
    for (let i = 0; i < columns.length; i++) sized[i] = widths[i]! - Math.ceil((give[i]! * excess) / spare);
  } else {
    // widen the ellipsis columns in proportion to their width (else every column)
    const grow = elastic.some(Boolean) ? elastic : kept;
    const base = columns.reduce((s, _, i) => s + (grow[i] ? widths[i]! : 0), 0);
    for (let i = 0; i < columns.length; i++) if (grow[i]) sized[i] = widths[i]! + Math.floor((-excess * widths[i]!) / base);
  }
  // whole pixels: what rounding left goes to the widest elastic (else last) column, so the sum is exact
  const shownIdx = columns.map((_, i) => i).filter((i) => kept[i]);
  excess = shownIdx.reduce((s, i) => s + sized[i]!, 0) - room;
  const sink = shownIdx.filter((i) => elastic[i]).sort((a, b) => sized[b]! - sized[a]!)[0] ?? shownIdx.at(-1);
  if (sink !== undefined) sized[sink] = sized[sink]! - excess;
  return {
    mode: 'fit',
    shown: shownIdx.map((i) => ({ column: columns[i]!, width: sized[i]! })),
    hidden: columns.filter((_, i) => !kept[i]),
  };
}

/** Rough width of a text at 14 px where no canvas measures it: CJK characters are square, Latin ones about half. */
export function textWidth(text: string, px = 14): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : /[A-Z]/.test(ch) ? 0.68 : 0.57;
  return Math.ceil(w * px);
}

let canvas: CanvasRenderingContext2D | null | undefined;
/**
 * The width of a text at `px` in `fontFamily` (the theme's: a canvas measures it in a browser; estimated
 * where there is none, as in component tests).
 */
export function measureText(text: string, px: number, fontFamily: string, weight = 400): number {
  if (canvas === undefined) {
    try {
      canvas = typeof document !== 'undefined' && !/happy-?dom|jsdom/i.test(navigator.userAgent) ? document.createElement('canvas').getContext('2d') : null;
    } catch {
      canvas = null;
    }
  }
  if (!canvas) return Math.ceil(textWidth(text, px) * (weight > 400 ? 1.05 : 1));
  canvas.font = `${weight} ${px}px ${fontFamily}`;
  return Math.ceil(canvas.measureText(text).width);
}

/** A cell's horizontal padding at the table's middle size. */
const CELL_PADDING = 16;
/** A tag's padding and border. */
const TAG_CHROME = 16;

/** Room a header needs besides its text: the cell's padding, and the sort arrows where it sorts. */
export const headerWidth = (textWidth: number, sortable: boolean): number => CELL_PADDING + textWidth + (sortable ? 26 : 0) + 2;

/** The buttons column: each small link button's label and padding, the cell's padding, never under 72 px. */
export function actionsWidth(labels: readonly string[], measure: (text: string, px?: number) => number = textWidth): number {
  return Math.max(72, CELL_PADDING + labels.reduce((s, l) => s + measure(l) + 10, 0));
}

/** The status column: its longest tag (12 px text) on the page, between 80 and 180 px. */
export function statusWidth(texts: readonly string[], measure: (text: string, px?: number) => number = textWidth): number {
  const longest = Math.max(0, ...texts.map((x) => measure(x, 12)));
  return Math.min(180, Math.max(80, CELL_PADDING + TAG_CHROME + longest + 2));
}

/** The time-limit column: a 12 px label ("环节"/"Stage") and a tag "state · MM-DD HH:mm" side by side. */
export function slaWidth(labels: readonly string[], states: readonly string[], measure: (text: string, px?: number) => number = textWidth): number {
  const label = Math.max(0, ...labels.map((x) => measure(x, 12)));
  const state = Math.max(0, ...states.map((x) => measure(`${x} · 12-31 23:59`, 12)));
  return CELL_PADDING + label + 4 + TAG_CHROME + state + 6;
}
