// 入选 on the application: the enterprise's page and the recommender's desk show the public id, the
// list, its 文号 and the validity; only the enterprise is offered the 入选证明.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApplicationPublication } from '../lib/publication';
import { renderWithApp } from '../../test/web/render';
import { PublicationResult } from './PublicationResult';

const publication: ApplicationPublication = {
  publicId: '2021-IIAPP-007',
  listTitle: '2021年工业互联网APP优秀解决方案名单',
  documentNo: '工信厅信发函〔2021〕300号',
  publishedOn: '2021-12-20',
  validFrom: '2021-12-20',
  validUntil: '2023-12-19',
  status: 'valid',
  certificateCode: 'KVQA-2TS7-Z9GX',
  history: [],
};

describe('the result on the application', () => {
  it('the enterprise: 入选 with its id and validity, and the 入选证明 to download', () => {
    renderWithApp(<PublicationResult applicationId="a1" publication={publication} canDownload />);
    const result = screen.getByTestId('publication-result');
    expect(result.textContent).toContain('入选《2021年工业互联网APP优秀解决方案名单》');
    expect(result.textContent).toContain('工信厅信发函〔2021〕300号');
    expect(screen.getByTestId('publication-public-id').textContent).toBe('2021-IIAPP-007');
    expect(screen.getByTestId('publication-validity').textContent).toBe(
      '2021年12月20日至2023年12月19日',
    );
    expect(screen.getByTestId('published-status').textContent).toBe('有效');
    const download = screen.getByTestId('download-certificate');
    expect(download.textContent).toContain('下载入选证明');
    expect(download.getAttribute('href')).toBe('/api/v1/applications/a1/certificate.pdf');
    // its 成果展示 is edited from here
    expect(screen.getByTestId('publication-showcase').closest('a')!.getAttribute('href')).toBe(
      '/showcase/2021-IIAPP-007',
    );
  });

  it('the recommender: the result without the download; expired shows as such', () => {
    renderWithApp(
      <PublicationResult
        applicationId="a1"
        publication={{ ...publication, status: 'expired' }}
        canDownload={false}
        canViewShowcase
      />,
    );
    expect(screen.getByTestId('published-status').textContent).toBe('已过期');
    expect(screen.queryByTestId('download-certificate')).toBeNull();
    // the 成果展示, to read
    expect(screen.getByTestId('publication-showcase')).toBeTruthy();
  });

  it('nothing before the list is published', () => {
    renderWithApp(<PublicationResult applicationId="a1" publication={null} canDownload />);
    expect(screen.queryByTestId('publication-result')).toBeNull();
  });
});
