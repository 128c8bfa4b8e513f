import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Table } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/http';
import { identityApi, type NewUser, type Role, type StaffRole, type User } from '../../api/identity.api';
import { useCapabilities } from '../../auth/capabilities-context';
import { useUser } from '../../auth/session-context';
import { ApiErrorAlert, useErrorMessage } from '../../components/api-error-alert';
import { PageHeader } from '../../components/page-header';
import { showProblemOnForm } from '../../components/problem-fields';
import { StatusTag } from '../../components/status-tag';
import { usePaged } from '../../components/use-paged';
import { formatDate } from '../../format/format';
import { useAsync } from '../../format/use-async';

const STAFF_ROLES: StaffRole[] = ['officer', 'employer', 'college', 'bank', 'admin'];

/** Staff accounts: list by role, create one for an organisation, disable one. */
export default function UsersPage() {
  const { t } = useTranslation();
  const me = useUser();
  const { can } = useCapabilities();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const [role, setRole] = useState<Role>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  // one key per filled-in form, renewed after it is saved: Save pressed again after a lost answer creates once
  const idempotencyKey = useRef(newIdempotencyKey());
  const [form] = Form.useForm<NewUser>();
  const list = usePaged((cursor) => identityApi.listUsers({ role, limit: 100, cursor }), [role]);
  const organisations = useAsync(() => identityApi.listOrganisations({ limit: 200 }).then((p) => p.items), []);
  const orgName = new Map((organisations.data ?? []).map((o) => [o.id, o.name]));

  const create = async (values: NewUser) => {
    setBusy(true);
    try {
      await identityApi.createUser(values, idempotencyKey.current);
      idempotencyKey.current = newIdempotencyKey();
      message.success(t('common.saved'));
      setOpen(false);
      list.reload();
    } catch (error) {
      const left = showProblemOnForm(form, error, [['email'], ['name'], ['role'], ['orgId'], ['password']]);
      if (left.length || !(error as { fieldErrors?: unknown[] }).fieldErrors?.length) message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const disable = (user: User) =>
    modal.confirm({
      title: t('admin.disableConfirm', { email: user.email }),
      okText: t('admin.disable'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await identityApi.disableUser(user.id);
          list.reload();
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  return (
    <>
      <PageHeader title={t('admin.users')} extra={can('POST', '/api/identity/users') && <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen(true); }}>{t('admin.newUser')}</Button>} />
      <div className="filters">
        <Select<Role> aria-label={t('admin.role')} placeholder={t('admin.anyRole')} allowClear value={role} onChange={setRole} options={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </div>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <Table<User>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('admin.name'), dataIndex: 'name' },
          { title: 'Email', dataIndex: 'email' },
          { title: t('admin.role'), dataIndex: 'role', render: (r: string) => t(`roles.${r}`) },
          { title: t('admin.organisation'), dataIndex: 'orgId', render: (id: string) => orgName.get(id) ?? '—', responsive: ['lg'] },
          { title: t('fields.status'), dataIndex: 'status', render: (s: string) => <StatusTag value={s} /> },
          { title: t('admin.createdAt'), dataIndex: 'createdAt', render: formatDate, responsive: ['md'] },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, u) => (can('POST', '/api/identity/users/{id}/disable') && u.status === 'active' && u.id !== me.id ? <Button size="small" danger onClick={() => disable(u)}>{t('admin.disable')}</Button> : null),
          },
        ]}
      />
      {list.hasMore && <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={list.loadMore}>{t('common.loadMore')}</Button></div>}
      <Modal open={open} title={t('admin.newUser')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="email" label="Email" rules={[{ required: true, type: 'email', message: t('login.emailInvalid') }]}><Input /></Form.Item>
          <Form.Item name="role" label={t('admin.role')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="orgId" label={t('admin.organisation')} rules={[{ required: true, message: t('common.required') }]} extra={t('admin.roleFitsOrg')}>
            <Select showSearch optionFilterProp="label" options={(organisations.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${t(`orgKind.${o.kind}`)})` }))} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, min: 8, max: 128, message: t('admin.passwordRule') }]}><Input.Password autoComplete="new-password" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
