import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportsApi } from '../../api/reports.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formatNumber, formatVnd } from '../../format/format';
import { useAsync } from '../../format/use-async';

const EXPORT = '/api/reports/export';

/** The figures provinces publish (services/reports, fed by events), with the table as CSV. */
export function ReportFiguresCard({ provinceCode }: { provinceCode: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useCapabilities();
  const summary = useAsync(() => reportsApi.summary({ provinceCode }), [provinceCode]);
  const [exporting, setExporting] = useState(false);
  const row = summary.data?.total;

  const download = async () => {
    setExporting(true);
    try {
      const csv = await reportsApi.exportCsv(provinceCode);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: `hoa-nhap-${provinceCode}.csv` });
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      message.error(t('reports.exportFailed'));
    } finally {
      setExporting(false);
    }
  };

  const figures: [string, string][] = row
    ? [
        ['reports.underManagement', formatNumber(summary.data!.returnees.underManagement)],
        ['reports.stableWork', formatNumber(row.stableWork)],
        ['reports.seasonalWork', formatNumber(row.seasonalWork)],
        ['reports.inTraining', formatNumber(row.inTraining)],
        ['reports.certified', formatNumber(row.certified)],
        ['reports.loansApproved', formatNumber(row.loansApproved)],
        ['reports.amountDisbursed', formatVnd(row.amountDisbursedVnd)],
        ['reports.recordsCleared', formatNumber(row.recordsCleared)],
      ]
    : [];

  return (
    <Card
      title={t('reports.title')}
      loading={summary.loading && !summary.data}
      extra={
        can('GET', EXPORT) && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
            {t('reports.exportCsv')}
          </Button>
        )
      }
    >
      <ApiErrorAlert error={summary.error} onRetry={summary.reload} />
      <Row gutter={[16, 16]}>
        {figures.map(([key, value]) => (
          <Col xs={12} md={6} key={key}>
            <Statistic title={t(key)} value={value} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
