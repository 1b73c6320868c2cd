import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../lib/api';
import { watchAccessibleNames } from '../lib/accessible-names';
import { I18nProvider, useI18n } from '../lib/i18n';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** Palette step 7 is a preset tag's text colour; these take the darker step 8 or 9 (both key forms). */
const TAG_TEXT = Object.fromEntries(
  Object.entries({
    green: '#237804',
    orange: '#ad4e00',
    gold: '#874d00',
    cyan: '#006d75',
    volcano: '#ad2102',
    lime: '#3f6600',
  }).flatMap(([c, v]) => [
    [`${c}7`, v],
    [`${c}-7`, v],
  ]),
);

function Antd({ children }: { children: ReactNode }) {
  const { lang, t } = useI18n();
  useEffect(() => watchAccessibleNames(document, () => t('a11y.clear')), [t]);
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{
        // Every text colour reaches 4.5:1 on white and on the page grey (#f5f5f5) — GB/T 37668-2019,
        // WCAG 2.x 1.4.3. antd's defaults do not (secondary text 3.4:1, error red 3.3:1, success green
        // 2.3:1, warning amber 1.9:1, placeholders 1.8:1, links 4.1:1). See docs/DECISIONS.md.
        token: {
          colorPrimary: '#1f4e9c',
          colorInfo: '#1f4e9c',
          colorLink: '#1f4e9c',
          colorSuccess: '#237804',
          colorWarning: '#9c5700',
          colorError: '#cf1322',
          // the light backgrounds and borders of alerts and status tags stay antd's clean tints
          // (derived from the darker seeds above they turn muddy)
          colorInfoBg: '#e6f4ff',
          colorInfoBorder: '#91caff',
          colorSuccessBg: '#f6ffed',
          colorSuccessBorder: '#b7eb8f',
          colorWarningBg: '#fffbe6',
          colorWarningBorder: '#ffe58f',
          colorErrorBg: '#fff2f0',
          colorErrorBorder: '#ffccc7',
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          colorTextDescription: 'rgba(0, 0, 0, 0.6)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
          // the text colour of the preset tags (<Tag color="green">) that are lighter than 4.5:1
          ...TAG_TEXT,
          borderRadius: 4,
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? makeQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Antd>{children}</Antd>
      </I18nProvider>
    </QueryClientProvider>
  );
}
