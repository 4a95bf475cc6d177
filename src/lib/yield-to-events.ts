/**
 * Resolves after the event loop has had a turn: queued messages (a Stop from the page) and
 * timers run first. A MessageChannel task, not setTimeout, so nested calls are not clamped to
 * 4 ms. Works in workers, pages and Node.
 */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
