import { deflateSync, Inflate } from 'fflate';
import type { DataConfig } from '../data/config';
import { UserFileError } from '../lib/errors';
import { parseProjectFile, serializeProject, type Project } from './project-file';

/** The key of a share link's hash: `#project=<payload>`. */
export const SHARE_LINK_PARAM = 'project';

/** What a message calls the link (the file name of a project read from one). */
export const SHARE_LINK_NAME = 'Shared link';

/**
 * The longest link Copy link makes, in characters. Browsers take far longer ones, but chat apps,
 * mail clients and issue trackers cut or refuse links past a few tens of thousands of characters;
 * a model that large goes as a file (Save as). A 100-layer model makes about 5,000, the templates 800 to 1,800.
 */
export const MAX_SHARE_LINK_CHARS = 32_000;

/** The most text a link's payload may inflate to: a link is short, so a bomb is refused early. */
export const MAX_SHARED_TEXT_BYTES = 4 * 1024 * 1024;

/** The data config without what was fitted on the rows (category values, a vocabulary): a link carries no data. */
function withoutFitted(data: DataConfig): DataConfig {
  if ((data.kind !== 'sample' && data.kind !== 'csv') || data.fitted === undefined) return data;
  const { fitted: _fitted, ...rest } = data;
  return rest;
}

/**
 * What a link carries of a project: its name, graph, training, callbacks, fine-tune preset and
 * where its data comes from (a sample's id, a file's name and plan), never rows, fitted
 * preprocessing, weights or runs.
 */
export function sharedPart(project: Project): Project {
  return {
    name: project.name,
    graph: project.graph,
    training: project.training,
    callbacks: project.callbacks,
    ...(project.fineTune ? { fineTune: project.fineTune } : {}),
    data: withoutFitted(project.data),
  };
}

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new UserFileError('it is damaged: the project in it is not base64url text');
  // A link cut at any point leaves 4n+1 characters one time in four: that last one holds no whole
  // byte, so it is left out and the unpacking below says the project is cut short.
  const whole = text.length % 4 === 1 ? text.slice(0, -1) : text;
  const binary = atob(whole.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (whole.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The hash of a link to `project`'s shared part (see {@link sharedPart}), without the `#`: the
 * project file's JSON without its indentation, DEFLATE-compressed (fflate), as base64url.
 */
export function shareHash(project: Project): string {
  const text = JSON.stringify(JSON.parse(serializeProject(sharedPart(project))));
  return `${SHARE_LINK_PARAM}=${toBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9 }))}`;
}

/** The payload of a share link's hash (`#project=...`, with or without the `#`), or null when the hash is something else. */
export function sharePayloadOf(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return params.get(SHARE_LINK_PARAM);
}

/** Inflates `bytes`, refusing output past {@link MAX_SHARED_TEXT_BYTES} as soon as it gets there. */
function inflated(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_SHARED_TEXT_BYTES)
      throw new UserFileError(`the project in it unpacks to over ${MAX_SHARED_TEXT_BYTES / 1024 / 1024} MB, more than any model needs`);
    chunks.push(chunk);
    ended = final;
  });
  try {
    inflate.push(bytes, true);
  } catch (error) {
    if (error instanceof UserFileError) throw error;
    throw new UserFileError('it is damaged or cut short: the project in it does not unpack');
  }
  if (!ended) throw new UserFileError('it is cut short: the project in it ends early');
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Reads a share link's payload back to a project, checked exactly as Open checks a file
 * (format, version and migrations, the schema, the graph). A link holds the shared part only: one
 * carrying weights or runs was not made by Copy link and is refused. Every problem is a
 * UserFileError naming the link.
 */
export function parseSharePayload(payload: string): Project {
  try {
    if (payload === '') throw new UserFileError('it holds no project (nothing after "#project=")');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(inflated(fromBase64Url(payload)));
    } catch (error) {
      if (error instanceof UserFileError) throw error;
      throw new UserFileError('it is damaged: the project in it is not UTF-8 text');
    }
    const project = parseProjectFile(text);
    if (project.weights || project.runs) throw new UserFileError('it holds weights or runs, which a shared link never carries (only a model and its settings)');
    return project;
  } catch (error) {
    if (error instanceof UserFileError && error.file === undefined) throw new UserFileError(error.message, SHARE_LINK_NAME);
    throw error;
  }
}
