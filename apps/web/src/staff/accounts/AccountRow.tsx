import type { StaffAccount, StaffAccountChange, StaffRole } from '@trygg/domain'
import { STAFF_ROLES } from '@trygg/domain/constants'
import { useState } from 'react'
import { useStaffMessages } from '../use-staff-messages.ts'

/**
 * One account in the table, with its changes: role (partners keep their organisation),
 * disable/enable and a new password. A partner's role change to partner needs the create form.
 */
export function AccountRow({
  account,
  isSelf,
  busy,
  onChange,
  onResetPassword,
}: {
  account: StaffAccount
  isSelf: boolean
  busy: boolean
  onChange: (change: StaffAccountChange) => void
  onResetPassword: () => void
}) {
  const m = useStaffMessages()
  const [role, setRole] = useState<StaffRole>(account.role)
  const roleId = `account-${account.id}-role`
  // Becoming a partner needs an organisation, which this row does not ask for.
  const choices = STAFF_ROLES.filter((r) => r !== 'partner' || account.role === 'partner')

  return (
    <tr data-testid={`account-${account.email}`}>
      <th scope="row">
        {account.email}
        {isSelf && <span className="staff-muted"> ({m.you})</span>}
      </th>
      <td>
        <label htmlFor={roleId} className="visually-hidden">
          {m.changeRoleOf(account.email)}
        </label>
        <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as StaffRole)} disabled={busy}>
          {choices.map((r) => (
            <option key={r} value={r}>
              {m.roles[r]}
            </option>
          ))}
        </select>{' '}
        {role !== account.role && (
          <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => onChange({ role })}>
            {m.saveRole}
          </button>
        )}
      </td>
      <td>{account.organisation ?? '–'}</td>
      <td>{account.disabled ? m.disabled : m.active}</td>
      <td>
        <div className="staff-actions">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy}
            onClick={() => {
              if (account.disabled || window.confirm(m.confirmDisable(account.email))) onChange({ disabled: !account.disabled })
            }}
            data-testid="toggle-disabled"
          >
            {account.disabled ? m.enable : m.disable}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy}
            onClick={() => {
              if (window.confirm(m.confirmReset(account.email))) onResetPassword()
            }}
          >
            {m.resetPassword}
          </button>
        </div>
      </td>
    </tr>
  )
}
