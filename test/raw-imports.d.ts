// A fixture read as text through Vite's `?raw` import (Vitest resolves it; pure tests need no fs).
declare module '*?raw' {
  const text: string;
  export default text;
}
