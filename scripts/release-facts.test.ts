import { expect, test } from 'vitest';
import { releaseProblems } from './release-facts';

const integrity = 'sha384-abc+/=';
const changelog = `# Changelog\n\n## [1.2.0] — 2027-01-01\n\nintegrity: \`${integrity}\`\n\n## [1.1.0]\n\nsha384-old\n`;
const versionsDoc = `The integrity of this release's loader (package version \`1.2.0\`):\n\n${integrity}\n`;
const facts = { version: '1.2.0', integrity, changelog, versionsDoc };

test('agrees when the changelog entry and the versions page give the built integrity', () => {
  expect(releaseProblems(facts)).toEqual([]);
});

test('a version with no changelog entry is a problem', () => {
  expect(releaseProblems({ ...facts, version: '1.3.0' })).toEqual([
    'CHANGELOG.md has no "## [1.3.0]" entry for package.json\'s version.',
    'docs/versions.md must name the package version the integrity is for, `1.3.0`.',
  ]);
});

test("a loader changed without its new integrity in the entry or the docs is a problem: the older entry's does not count", () => {
  const changed = { ...facts, integrity: 'sha384-new' };
  expect(releaseProblems({ ...changed, changelog: changelog.replace(integrity, 'sha384-x') })).toHaveLength(2);
  expect(releaseProblems({ ...facts, changelog: changelog.replace(`\`${integrity}\``, '') })).toEqual([
    "CHANGELOG.md's entry for 1.2.0 does not give the built /v1/embed.js's integrity, sha384-abc+/=.",
  ]);
});

test('the versions page must give no other integrity', () => {
  expect(releaseProblems({ ...facts, versionsDoc: versionsDoc + '\nsha384-other\n' })).toEqual([
    "docs/versions.md must give the built embed.js's integrity, sha384-abc+/=, and no other.",
  ]);
});
