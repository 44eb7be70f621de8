// What every part of the page uses to find its elements and to scroll.

export const $ = (id) => document.getElementById(id);

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

/** How the page scrolls: smoothly, unless the visitor's settings ask for less motion. */
export const scrollBehavior = () => (reducedMotion.matches ? 'auto' : 'smooth');
