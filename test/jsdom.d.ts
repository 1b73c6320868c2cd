// jsdom (a dependency of the web tests) ships no types; the server tests parse the pages and the
// Atom feed they serve with it, and need only this much.
declare module 'jsdom' {
  export class JSDOM {
    constructor(markup: string, options?: { contentType?: string; url?: string });
    readonly window: Window & typeof globalThis;
  }
}
