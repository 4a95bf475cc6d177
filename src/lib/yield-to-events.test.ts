import { describe, expect, it } from 'vitest';
import { yieldToEvents } from './yield-to-events';

describe('yieldToEvents', () => {
  it('lets a message already queued run before it resolves', async () => {
    const order: string[] = [];
    const channel = new MessageChannel();
    const delivered = new Promise<void>((resolve) => {
      channel.port1.onmessage = () => {
        order.push('message');
        channel.port1.close();
        resolve();
      };
    });
    channel.port2.postMessage('stop');
    await yieldToEvents();
    order.push('resumed');
    await delivered;
    expect(order).toEqual(['message', 'resumed']);
  });
});
