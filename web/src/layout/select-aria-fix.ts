/**
 * antd's Form.Item gives its control `aria-required="true"`; a Select passes it both to its combobox input
 * (right) and to its root <div> (which has no role, so the attribute is not allowed there: axe-core's
 * aria-allowed-attr, a critical failure for screen readers). This keeps it on the input only: every
 * `.ant-select` root that gets the attribute loses it again.
 */
export function keepAriaRequiredOnComboboxes(root: HTMLElement): MutationObserver {
  const strip = (element: Element) => {
    if (element.classList.contains('ant-select') && element.hasAttribute('aria-required')) element.removeAttribute('aria-required');
  };
  root.querySelectorAll('.ant-select[aria-required]').forEach(strip);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') strip(record.target as Element);
      else
        record.addedNodes.forEach((node) => {
          if (!(node instanceof Element)) return;
          strip(node);
          node.querySelectorAll('.ant-select[aria-required]').forEach(strip);
        });
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-required', 'class'] });
  return observer;
}
