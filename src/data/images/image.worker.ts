/// <reference lib="webworker" />
// The image worker: a thin shell over the image service, so decoding and resizing a folder of
// 10,000 pictures never blocks the page.
import { browserDecoder } from './decode';
import type { ImageRequest } from './image-protocol';
import { createImageService } from './image-service';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const service = createImageService({ decoder: browserDecoder });

scope.onmessage = (event: MessageEvent<ImageRequest>) => {
  void service.handle(event.data, (message, transfer = []) => scope.postMessage(message, transfer));
};
