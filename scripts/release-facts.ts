/** What a release publishes, and what the build made. */
export interface ReleaseFacts {
  /** package.json's version. */
  version: string;
  /** The built embed.js's integrity, `sha384-…`. */
  integrity: string;
  changelog: string;
  versionsDoc: string;
}

/** The lines of `markdown` from the `## [version]` heading up to the next `## ` heading. */
function changelogEntry(markdown: string, version: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`## [${version}]`));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/**
 * Every way the published facts disagree with the build, as sentences that say what to change:
 * each release has a changelog entry naming its loader's integrity, and docs/versions.md gives
 * that integrity and version (docs/versions.md, "Subresource Integrity").
 */
export function releaseProblems({ version, integrity, changelog, versionsDoc }: ReleaseFacts): string[] {
  const problems: string[] = [];
  const entry = changelogEntry(changelog, version);
  if (!entry) problems.push(`CHANGELOG.md has no "## [${version}]" entry for package.json's version.`);
  else if (!entry.includes(integrity)) {
    problems.push(
      `CHANGELOG.md's entry for ${version} does not give the built /v1/embed.js's integrity, ${integrity}.`,
    );
  }
  const pinned = [...versionsDoc.matchAll(/sha384-[A-Za-z0-9+/=]+/g)].map((m) => m[0]);
  if (pinned.length === 0 || pinned.some((value) => value !== integrity)) {
    problems.push(`docs/versions.md must give the built embed.js's integrity, ${integrity}, and no other.`);
  }
  if (!versionsDoc.includes(`package version \`${version}\``)) {
    problems.push(`docs/versions.md must name the package version the integrity is for, \`${version}\`.`);
  }
  return problems;
}
