import type { Json } from '../definitionsApi';

export interface FlowNodeDef {
  id: string;
  name: string;
  nameEn?: string;
  final?: boolean;
  stageLimit?: string;
  pauseClocks?: boolean;
}

export interface TransitionDef {
  from: string[];
  button?: string;
  event?: string;
  to?: string;
  guards?: { id: string }[];
  description?: string;
}

export interface FlowDef extends Json {
  id: string;
  name: string;
  scope: string;
  initial: string;
  nodes: FlowNodeDef[];
  transitions: TransitionDef[];
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** The buttons and events of the transitions this edge stands for (one edge per node pair). */
  triggers: string[];
}

/** Stands for `from: ["*"]`: every node that is not final. */
export const ANY_NODE = '*';

/**
 * The flow as a graph: one edge per (from, to) pair carrying every trigger between them;
 * transitions from `*` leave a single "any node" pseudo-node; transitions without `to` stay put
 * and are not edges (the node panel lists them).
 */
export function flowGraph(flow: FlowDef): { nodes: FlowNodeDef[]; edges: GraphEdge[]; usesAny: boolean } {
  const byPair = new Map<string, GraphEdge>();
  const known = new Set(flow.nodes.map((n) => n.id));
  let usesAny = false;
  for (const t of flow.transitions) {
    if (!t.to) continue;
    for (const from of t.from) {
      if (from === ANY_NODE) usesAny = true;
      else if (!known.has(from)) continue;
      if (!known.has(t.to)) continue;
      const key = `${from}->${t.to}`;
      const edge = byPair.get(key) ?? { id: key, source: from, target: t.to, triggers: [] };
      const trigger = t.button ?? t.event ?? '';
      if (!edge.triggers.includes(trigger)) edge.triggers.push(trigger);
      byPair.set(key, edge);
    }
  }
  return { nodes: flow.nodes, edges: [...byPair.values()], usesAny };
}

/** The transitions that leave a node (its buttons), including `*` ones for non-final nodes. */
export function transitionsFrom(flow: FlowDef, node: string): TransitionDef[] {
  const final = flow.nodes.find((n) => n.id === node)?.final === true;
  return flow.transitions.filter((t) => t.from.includes(node) || (!final && t.from.includes(ANY_NODE)));
}

export function transitionsTo(flow: FlowDef, node: string): TransitionDef[] {
  return flow.transitions.filter((t) => t.to === node);
}
