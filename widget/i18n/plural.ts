/**
 * A message that depends on a number: one form for each CLDR plural category the language uses
 * (`Intl.PluralRules(lang).resolvedOptions().pluralCategories`), `other` always. The i18n test
 * holds each table to its language's categories (docs/i18n.md, "Plurals").
 */
export type Plural = { readonly other: string } & {
  readonly [C in Exclude<Intl.LDMLPluralRule, 'other'>]?: string;
};
