export * from './takeover-sdl.js';
