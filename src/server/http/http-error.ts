/** An error that answers with a 4xx and a message a person can read (Chinese, English in brackets). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const httpError = (statusCode: number, code: string, message: string): HttpError => new HttpError(statusCode, code, message)
