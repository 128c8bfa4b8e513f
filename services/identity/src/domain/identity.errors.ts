import { AppError } from '@hoanhap/kit';

/** Identity's error codes, in one place so the OpenAPI document and the web app can list them. */
export const errors = {
  invalidCredentials: () =>
    // one message for unknown email and wrong password: the answer must not tell which accounts exist
    new AppError('AUTH.INVALID_CREDENTIALS', 401, 'email or password is wrong', { headers: { 'WWW-Authenticate': 'Bearer realm="hoanhap"' } }),
  accountLocked: (until: Date) => {
    const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    return new AppError('AUTH.ACCOUNT_LOCKED', 423, `too many failed logins: this account is locked until ${until.toISOString()} (${seconds} s)`, {
      headers: { 'Retry-After': String(seconds) },
      extensions: { lockedUntil: until.toISOString(), retryAfterSeconds: seconds },
    });
  },
  accountDisabled: () => new AppError('AUTH.ACCOUNT_DISABLED', 403, 'this account is disabled; ask an administrator'),
  refreshInvalid: () => new AppError('AUTH.REFRESH_TOKEN_INVALID', 401, 'the refresh token is unknown, expired or revoked; log in again'),
  refreshReused: () =>
    new AppError('AUTH.REFRESH_TOKEN_REUSED', 401, 'this refresh token was already used; every token of this session is now revoked, log in again'),
  currentPasswordWrong: () =>
    new AppError('AUTH.CURRENT_PASSWORD_WRONG', 400, 'the current password is wrong', {
      errors: [{ field: 'currentPassword', in: 'body', rule: 'matches', message: 'currentPassword is wrong' }],
    }),
  samePassword: () =>
    new AppError('AUTH.PASSWORD_UNCHANGED', 400, 'the new password must differ from the current one', {
      errors: [{ field: 'newPassword', in: 'body', rule: 'differs', message: 'newPassword must differ from currentPassword' }],
    }),
  field: (code: string, field: string, rule: string, message: string) =>
    new AppError(code, 400, message, { errors: [{ field, in: 'body', rule, message }] }),
  queryField: (code: string, field: string, message: string) =>
    new AppError(code, 400, message, { errors: [{ field, in: 'query', rule: 'format', message }] }),
  emailTaken: (email: string) => new AppError('USER.EMAIL_TAKEN', 409, `a user with the email ${email} already exists`),
  userNotFound: (id: string) => new AppError('USER.NOT_FOUND', 404, `no user ${id}`),
  cannotDisableSelf: () => new AppError('USER.CANNOT_DISABLE_SELF', 409, 'an administrator cannot disable their own account'),
};
