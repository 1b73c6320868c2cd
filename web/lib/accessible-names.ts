// antd names some things in English whatever the locale: every icon is <span role="img"
// aria-label="check-circle">, and a Select's clear button says "Clear". A screen reader on a Chinese
// page then reads English glyph names. antd offers no switch for either, and most of these come from
// inside antd's own components (Alert, Result, Select, Upload…), so the page fixes them as they appear:
// an icon whose name is only its glyph's name is decoration (the text next to it says what it means)
// and is hidden from screen readers; an icon the page names itself (aria-label in Chinese) keeps it.

/** Chinese names for the glyphs antd puts alone in a button (Input.Search's button, say). */
const GLYPH_NAMES: Record<string, string> = {
  search: '搜索',
  close: '关闭',
  delete: '删除',
  plus: '添加',
  edit: '编辑',
  copy: '复制',
  'arrow-up': '上移',
  'arrow-down': '下移',
  ellipsis: '更多',
  reload: '刷新',
  download: '下载',
  upload: '上传',
  eye: '查看',
};

/** Hides glyph-named icons and names clear buttons in the page's language, under root. */
export function fixAccessibleNames(root: ParentNode, clearLabel: string) {
  for (const icon of root.querySelectorAll<HTMLElement>('.anticon[role="img"][aria-label]')) {
    const label = icon.getAttribute('aria-label')!;
    if (icon.classList.contains(`anticon-${label}`)) {
      // an icon alone in a button is the button's only name: give the button one of its own
      const button = icon.closest('button');
      if (
        button &&
        !button.getAttribute('aria-label') &&
        !button.getAttribute('aria-labelledby') &&
        !button.textContent?.trim()
      )
        button.setAttribute('aria-label', GLYPH_NAMES[label] ?? label);
      icon.setAttribute('aria-hidden', 'true');
      icon.removeAttribute('aria-label');
      icon.removeAttribute('role');
    }
  }
  for (const button of root.querySelectorAll<HTMLElement>('[aria-label="Clear"]'))
    if (button.getAttribute('aria-label') !== clearLabel)
      button.setAttribute('aria-label', clearLabel);
}

/** Keeps fixing them as the page changes; returns the function that stops it. */
export function watchAccessibleNames(doc: Document, clearLabel: () => string): () => void {
  let queued = false;
  const run = () => {
    queued = false;
    fixAccessibleNames(doc.body, clearLabel());
  };
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(run);
  });
  run();
  observer.observe(doc.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-label'],
  });
  return () => observer.disconnect();
}
