/**
 * Every error a client can get, as factories with a stable id. `message` is for a person;
 * `id` is for programs and tests; `details` point at fields or rows.
 */
export interface ErrorDetail { field?: string; message: string }

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly id: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

export const AuthenticationRequiredError = () => new AppError(401, 'authentication_required', 'Please sign in.');
export const InvalidCredentialsError = () => new AppError(401, 'invalid_credentials', 'Wrong username or password.');
export const AuthorizationError = (what = 'this') => new AppError(403, 'authorization_error', `Your role may not do ${what}.`);
export const NotFoundError = (what = 'Record') => new AppError(404, 'not_found', `${what} not found.`);
export const ValidationError = (message: string, details?: ErrorDetail[]) => new AppError(400, 'validation_error', message, details);
export const UnknownSourceError = (sourceId: string) => new AppError(400, 'unknown_source', `There is no department feed "${sourceId}".`);
export const FileRefusedError = (message: string, batchId: string) =>
  new AppError(422, 'file_refused', `The file was refused and nothing was applied: ${message}`, [{ field: 'batchId', message: batchId }]);
export const FileTooLargeError = (limitMb: number) => new AppError(413, 'file_too_large', `The file is larger than ${limitMb} MB.`);
