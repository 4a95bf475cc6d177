import { describe, expect, it } from 'vitest';
import { speechCnn } from '../analysis/templates';
import { projectMetadata } from '../compile/project-metadata';
import { netloomMetadataBlock, readNetloomMetadata } from '../compile/tfjs-metadata';
import { DEFAULT_AUDIO_SETTINGS } from '../data/audio/settings';
import type { DataConfig } from '../data/config';
import { emptyProject, parseProjectFile, serializeProject } from './project-file';

const audio: DataConfig = {
  kind: 'audio',
  folderName: 'Speech commands (synthesised)',
  sampleId: 'speech-commands',
  settings: { ...DEFAULT_AUDIO_SETTINGS, melBands: 32, clipSeconds: 1.5 },
  classes: ['down', 'go'],
  split: { kind: 'fraction', validation: 0.3, stratified: true, seed: 7 },
};

describe('a project of sound clips', () => {
  it('keeps its audio settings, classes and split through Save and Open', () => {
    const project = { ...emptyProject('speech'), graph: speechCnn(2, [74, 32, 1]), data: audio };
    const opened = parseProjectFile(serializeProject(project));
    expect(opened.data).toEqual(audio);
    expect(serializeProject(opened)).toBe(serializeProject(project));
  });

  it('is refused with the field named when a setting is out of range', () => {
    const text = serializeProject({ ...emptyProject('speech'), data: audio }).replace('"melBands": 32', '"melBands": 0');
    expect(() => parseProjectFile(text, 'p.netloom.json')).toThrow(/data\.settings\.melBands/);
  });

  it('gives model.json its audio settings, which read back as they were', () => {
    const metadata = projectMetadata({ ...emptyProject('speech'), data: audio });
    expect(metadata.audio).toEqual(audio.kind === 'audio' && audio.settings);
    expect(metadata.classNames).toEqual(['down', 'go']);
    const json = { userDefinedMetadata: netloomMetadataBlock(metadata) };
    expect(readNetloomMetadata(JSON.parse(JSON.stringify(json)))?.audio).toEqual(metadata.audio);
  });
});
