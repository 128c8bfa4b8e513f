import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initI18n } from './i18n/i18n';
import { keepAriaRequiredOnComboboxes } from './layout/select-aria-fix';
import './styles.css';

initI18n();
const root = document.getElementById('root')!;
keepAriaRequiredOnComboboxes(document.body); // modals are portals outside #root
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
