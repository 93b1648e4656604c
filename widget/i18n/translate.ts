import type { MessageKey, Messages } from './en';

export type Params = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a placeholder without a value stays as it is, to be seen and fixed. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: Params) => string;

export const createTranslator =
  (messages: Messages): Translate =>
  (key, params) =>
    format(messages[key], params);
