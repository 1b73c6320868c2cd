import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useI18n } from '../lib/i18n';
import { renderWithApp } from '../../test/web/render';
import { LanguageSwitch } from './LanguageSwitch';

function Probe() {
  const { t } = useI18n();
  return <h1>{t('register.title')}</h1>;
}

describe('LanguageSwitch', () => {
  it('switches texts between Chinese and English and remembers the choice', async () => {
    renderWithApp(
      <>
        <LanguageSwitch />
        <Probe />
      </>,
    );
    expect(screen.getByRole('heading').textContent).toBe('申报企业注册');
    await act(async () => fireEvent.click(screen.getByText('English')));
    // the English texts are a chunk of their own, fetched on the first switch
    await waitFor(() =>
      expect(screen.getByRole('heading').textContent).toBe('Register an enterprise'),
    );
    expect(window.localStorage.getItem('zx.lang')).toBe('en');
    // set by an effect after the texts rendered: on a loaded machine that can be a turn later
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    await act(async () => fireEvent.click(screen.getByText('中文')));
    expect(screen.getByRole('heading').textContent).toBe('申报企业注册');
  });
});
