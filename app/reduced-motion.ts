/** True when the user asked the system for less motion: views then jump instead of gliding. */
export const reducedMotion = (): boolean => typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
