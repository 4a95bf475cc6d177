import { createContext } from 'react';
import type { StaggerQueue } from './stagger-queue';

/**
 * The queue the charts of one panel share (made by the panel, so it lives and dies with it). Without
 * one, a chart draws each value at once.
 */
export const StaggerContext = createContext<StaggerQueue | null>(null);
