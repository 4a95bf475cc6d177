/**
 * Hostile zips where a project or model belongs. The app's Open reads a zip of a project or of a
 * model.json with its shards; the CLI reads JSON files only, and says so when given a zip.
 */
import type { HostileCase } from './case';
import { file, forgeZipSizes, seedDoc, zipOf } from './make';

const Z = 'hostile.zip';
const CLI_ZIP = `${Z}: this is a zip file, not JSON text: unzip it and use the .netloom.json or model.json inside`;
const seedText = () => JSON.stringify(seedDoc('zipped project'));
const garbage = () => new Uint8Array([0x00, 0xff, 0x1b, 0x5b, 0x32, 0x4a, 0x7b, 0x22, 0x00]);

/** What the app's Open says of the zip, for the cases e2e/hostile.spec.ts opens there. */
type ZipApp = Omit<NonNullable<HostileCase['app']>, 'input' | 'shows'>;

/** A project-kind case whose input is `hostile.zip`, made from `bytes` when written. */
function zipCase(id: string, what: string, bytes: () => Uint8Array | string, app?: ZipApp, cli = CLI_ZIP): HostileCase {
  return {
    kind: 'project',
    id,
    what,
    files: [file(Z, bytes)],
    command: { name: 'summary', file: Z },
    expect: { exit: 1, says: cli },
    ...(app ? { app: { input: 'open', shows: 'notice', ...app } } : {}),
  };
}

/** The zip cases for Open. */
export const ARCHIVE_CASES: readonly HostileCase[] = [
  zipCase('zip-garbage-model', 'a zip whose model.json is binary garbage', () => zipOf({ 'model.json': garbage() }), {
    says: `${Z}: model.json: not valid JSON`,
    opens: false,
  }),
  zipCase('zip-garbage-project', 'a zip whose .netloom.json is binary garbage', () => zipOf({ 'p.netloom.json': garbage() })),
  zipCase('zip-nested', 'a zip holding only a zip of a project', () => zipOf({ 'inner.zip': zipOf({ 'p.netloom.json': seedText() }) }), {
    says: `${Z}: the zip holds no model.json or .netloom.json (it has inner.zip)`,
    opens: false,
  }),
  zipCase('zip-json-is-zip', 'a zip whose model.json is itself a zip', () => zipOf({ 'model.json': zipOf({ 'model.json': '{}' }) })),
  zipCase('zip-no-files', 'a zip with nothing in it', () => zipOf({})),
  zipCase('zip-forged-model', 'a zip of a project whose headers claim 4 GB', () => forgeZipSizes(zipOf({ 'p.netloom.json': seedText() }), 0xfff0_0000), {
    says: `${Z}: the zip would expand to 4.3 GB, over the 1 GB limit for a model`,
    opens: false,
  }),
  zipCase('zip-text', 'a text file named hostile.zip', () => 'just text, no zip', undefined, `${Z}: not valid JSON`),
  zipCase(
    'zip-project-traversal',
    'a project zipped under ../../evil/p.netloom.json (read in memory, nothing written)',
    () => zipOf({ '../../evil/p.netloom.json': seedText() }),
    {
      says: `Opened ${Z}: p.netloom.json: 3 layers.`,
      opens: true,
    },
  ),
];
