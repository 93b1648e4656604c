import type { ComponentChildren, VNode } from 'preact';

// For the view's unit tests, which run without a DOM: a hook-free component is a function from
// props to a tree, and these read that tree as a page would.

type Element = VNode<Record<string, unknown>>;

const expand = (vnode: Element): ComponentChildren =>
  typeof vnode.type === 'function' ? (vnode.type as (props: unknown) => ComponentChildren)(vnode.props) : null;

const isVNode = (node: ComponentChildren): node is Element => !!node && typeof node === 'object' && 'type' in node;

/** Every element of the tree, function components expanded, in document order. */
export function elements(node: ComponentChildren): Element[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isVNode(node)) return [];
  if (typeof node.type === 'function') return elements(expand(node));
  return [node, ...elements(node.props.children as ComponentChildren)];
}

/** The tree's text, in document order. */
export function text(node: ComponentChildren): string {
  if (Array.isArray(node)) return node.map(text).join('');
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (!isVNode(node)) return '';
  return text(typeof node.type === 'function' ? expand(node) : (node.props.children as ComponentChildren));
}
