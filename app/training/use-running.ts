import { useStore } from '../store/store';

/** Whether a run is starting or running: the settings it trains with are locked until it ends. */
export const useRunning = (): boolean => useStore((s) => s.run?.status === 'running' || s.run?.status === 'starting');
