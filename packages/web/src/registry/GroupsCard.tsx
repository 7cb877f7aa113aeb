import { Card, Col, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format/number';
import { EChart } from '../screen/EChart';
import type { ChartOption } from '../screen/echarts';
import { byDepartment, departmentsOf, type DepartmentRow, type GroupCount } from './groups';
import { useRegistryNames } from './names';

type Row = GroupCount | DepartmentRow;
type View = 'list' | 'grouped';

const isDepartment = (row: Row): row is DepartmentRow => 'children' in row;
const count = (row: Row, field: 'persons' | 'households') => (isDepartment(row) ? null : row[field]);
/** Departments sort by their name; their groups by the column. */
const compare = (field: 'persons' | 'households') => (a: Row, b: Row) => (count(a, field) ?? 0) - (count(b, field) ?? 0);

function chartOption(groups: readonly GroupCount[], zh: boolean): ChartOption {
  // Largest at the top: a horizontal bar chart draws its first category at the bottom.
  const sorted = [...groups].sort((a, b) => a.persons - b.persons);
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      data: sorted.map((g) => (zh ? g.nameZh : g.nameEn)),
      axisLabel: { width: zh ? 130 : 190, overflow: 'truncate', fontSize: 12 },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: '',
        data: sorted.map((g) => g.persons),
        barMaxWidth: 14,
        itemStyle: { color: '#1f5fbf', borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', fontSize: 11 },
      },
    ],
  };
}

/** The 32 population groups: a sortable table (by department if wished) and persons per group as bars. */
export function GroupsCard({ groups }: { groups: readonly GroupCount[] }) {
  const { t } = useTranslation();
  const names = useRegistryNames();
  const [department, setDepartment] = useState<string | null>(null);
  const [view, setView] = useState<View>('grouped');

  const shown = useMemo(() => (department ? groups.filter((g) => g.department === department) : groups), [groups, department]);
  const rows: Row[] = view === 'grouped' ? byDepartment(shown) : [...shown];
  const option = useMemo(() => chartOption(shown, names.zh), [shown, names.zh]);

  const columns: ColumnsType<Row> = [
    {
      key: 'name',
      title: t('registry.group'),
      render: (_, row) =>
        isDepartment(row) ? (
          <Space size={8} wrap>
            <Typography.Text strong>{names.department(row.department)}</Typography.Text>
            <Typography.Text type="secondary">{t('registry.departmentTotal', { count: row.children.length })}</Typography.Text>
          </Space>
        ) : (
          names.group(row, row.id)
        ),
      sorter: (a, b) => (isDepartment(a) ? a.department : names.group(a, a.id)).localeCompare(isDepartment(b) ? b.department : names.group(b, b.id), names.zh ? 'zh-CN' : 'en'),
    },
    ...(view === 'list'
      ? [{ key: 'department', title: t('registry.department'), render: (_: unknown, row: Row) => names.department(row.department) }]
      : []),
    {
      key: 'persons',
      title: t('registry.groupPersons'),
      align: 'right',
      width: 104,
      defaultSortOrder: view === 'list' ? 'descend' : null,
      sorter: compare('persons'),
      render: (_, row) => <span className="tabular">{isDepartment(row) ? '' : formatCount(row.persons)}</span>,
    },
    {
      key: 'households',
      title: t('registry.groupHouseholds'),
      align: 'right',
      width: 104,
      sorter: compare('households'),
      render: (_, row) => <span className="tabular">{isDepartment(row) ? '' : formatCount(row.households)}</span>,
    },
  ];

  return (
    <Card
      title={t('registry.groups')}
      data-testid="registry-groups"
      extra={<Typography.Text type="secondary" className="registry-card-hint">{t('registry.groupsHint', { count: groups.length })}</Typography.Text>}
    >
      <Space wrap className="registry-filters">
        <Select
          allowClear
          placeholder={t('registry.allDepartments')}
          aria-label={t('registry.department')}
          style={{ minWidth: 200 }}
          value={department}
          onChange={(value?: string | null) => setDepartment(value ?? null)}
          options={departmentsOf(groups).map((d) => ({ value: d, label: names.department(d) }))}
          data-testid="registry-department-filter"
        />
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'grouped', label: t('registry.groupByDepartment') },
            { value: 'list', label: t('intake.viewList') },
          ]}
        />
      </Space>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={13}>
          <Table<Row>
            key={view}
            size="small"
            rowKey={(row) => (isDepartment(row) ? row.key : row.id)}
            columns={columns}
            dataSource={rows}
            pagination={false}
            // A phone scrolls the table rather than squeezing a group's name to a word a line.
            scroll={{ x: 440 }}
            expandable={{ defaultExpandAllRows: true, indentSize: 12 }}
            onRow={(row) => ({ 'data-testid': isDepartment(row) ? 'registry-department-row' : 'registry-group-row', 'data-group-id': isDepartment(row) ? undefined : row.id }) as HTMLAttributes<HTMLElement>}
          />
        </Col>
        <Col xs={24} xl={11}>
          <Typography.Text strong>{t('registry.chartTitle')}</Typography.Text>
          {/* One bar a group: the chart grows with the groups shown. */}
          <div className="registry-chart" style={{ height: shown.length * 26 + 24 }} data-testid="registry-chart">
            <EChart theme="light" option={option} label={t('registry.chartTitle')} className="registry-chart-canvas" />
          </div>
        </Col>
      </Row>
    </Card>
  );
}
