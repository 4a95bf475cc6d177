/**
 * Image folders (or zips) with one subfolder per class, turned into datasets. Browser-safe: the
 * Node decoder lives in `./node-decode` and is imported directly where needed.
 */
export { collectImageFiles, naturalCompare } from './collect';
export type { CollectOptions, CollectedImages } from './collect';
export { browserDecoder } from './decode';
export { loadImageDataset } from './image-dataset';
export type { ImageDatasetOptions, ImageDatasetResult } from './image-dataset';
export { placement, toSample } from './resize';
export { entriesFromFiles, filesFromDroppedEntries } from './sources';
export type { DroppedEntry, FileLike } from './sources';
export type { Decoder, DecodedImage, FileEntry, Fit, ImageFile, SampleOptions, SkippedFile } from './types';
export { DEFAULT_ZIP_LIMITS, formatBytes, zipEntries } from './zip';
export type { ZipLimits } from './zip';
