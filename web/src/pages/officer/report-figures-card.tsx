import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Space, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportsApi } from '../../api/reports.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formatDate, formatNumber, formatVnd } from '../../format/format';
import { useAsync } from '../../format/use-async';

const EXPORT = '/api/reports/export';
type ExportFormat = 'csv' | 'xlsx';

/** The figures provinces publish (services/reports, fed by events), with the table as CSV or XLSX. */
export function ReportFiguresCard({ provinceCode }: { provinceCode: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useCapabilities();
  const summary = useAsync(() => reportsApi.summary({ provinceCode }), [provinceCode]);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const row = summary.data?.total;

  const download = async (format: ExportFormat) => {
    setExporting(format);
    try {
      // a Blob, not text: decoding the CSV as text would drop its BOM, and Excel would then misread the Vietnamese
      const url = URL.createObjectURL(await reportsApi.exportTable(provinceCode, format));
      const link = Object.assign(document.createElement('a'), { href: url, download: `hoa-nhap-${provinceCode}.${format}` });
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      message.error(t('reports.exportFailed'));
    } finally {
      setExporting(null);
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
          <Space wrap size={8}>
            <Button icon={<DownloadOutlined />} loading={exporting === 'csv'} disabled={exporting !== null} onClick={() => void download('csv')}>
              {t('reports.exportCsv')}
            </Button>
            <Button icon={<FileExcelOutlined />} loading={exporting === 'xlsx'} disabled={exporting !== null} onClick={() => void download('xlsx')}>
              {t('reports.exportXlsx')}
            </Button>
          </Space>
        )
      }
    >
      <ApiErrorAlert error={summary.error} onRetry={summary.reload} />
      {summary.data && (
        <p className="muted" style={{ marginTop: 0 }}>
          {t('reports.asOf', { date: formatDate(summary.data.period.to) })}
        </p>
      )}
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
