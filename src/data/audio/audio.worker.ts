/// <reference lib="webworker" />
// The audio worker: a thin shell over the audio service, so turning a folder of clips into
// spectrograms never blocks the page.
import type { AudioRequest } from './audio-protocol';
import { createAudioService } from './audio-service';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const service = createAudioService({ pageDecodes: true });

scope.onmessage = (event: MessageEvent<AudioRequest>) => {
  void service.handle(event.data, (message, transfer = []) => scope.postMessage(message, transfer));
};
