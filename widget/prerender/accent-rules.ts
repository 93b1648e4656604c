import { accentProperties } from '../theme';

/**
 * A page's accent as `:root` rules, for the host to put in frame.html's first paint (the frame's
 * script then sets the same properties on `<html>`); none for anything but `#rrggbb`. Only colours
 * the theme module wrote go into them, never the request's text.
 * @example accentRules('#7b2cbf') // ':root{--light-accent:#7b2cbf;--light-accent-hover:#…;…}'
 */
export function accentRules(accent: string | undefined): string | undefined {
  const properties = Object.entries(accent ? accentProperties(accent) : {});
  return properties.length ? `:root{${properties.map(([name, value]) => `${name}:${value}`).join(';')}}` : undefined;
}
