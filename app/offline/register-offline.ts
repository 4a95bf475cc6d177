/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { useStore } from '../store/store';

/**
 * Registers the service worker the build generates (app/offline/pwa-plugin.ts), once the page has
 * loaded: it precaches the whole app, so later visits work with no network. A newer version
 * waits until the user reloads; a notice offers it. Production builds only (main.tsx): the dev
 * server has no worker, and serving stale modules from a cache would fight hot reload.
 */
export function registerOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    onNeedRefresh: () =>
      useStore.getState().showNotice({
        kind: 'info',
        text: 'A new version of Netloom is ready.',
        actions: [{ label: 'Reload to update', run: () => void update(true) }],
      }),
    // Offline use is an extra: where the browser refuses the worker (private modes, a host
    // without HTTPS), the editor works as before, online.
    onRegisterError: () => undefined,
  });
}
