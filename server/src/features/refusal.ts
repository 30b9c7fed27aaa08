// Why a feature turns a request down, as a value. Features know no protocol: the server
// (server.ts) answers a refusal with the matching LSP error, and any other failure with an
// internal error after logging it.

/** What was wrong: the request's own parameters, or the state it found (a sidecar that must not be overwritten). */
export type RefusalKind = 'invalidParams' | 'invalidRequest';

export class Refusal {
  constructor(readonly kind: RefusalKind, readonly message: string) {}
}

export function isRefusal(value: unknown): value is Refusal {
  return value instanceof Refusal;
}

/** Runs a task that may turn the request down anywhere inside it; the refusal comes back as the value. */
export async function refusalAsValue<T>(task: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
}
