// Keeps a server crash from interrupting the reader: the client restarts the server as
// vscode-languageclient does by default, but writes transient connection errors to the
// output channel instead of raising a notification for each one.
import { CloseAction, ErrorAction } from 'vscode-languageclient';
import type { BaseLanguageClient as LanguageClient, CloseHandlerResult, ErrorHandler, ErrorHandlerResult, Message } from 'vscode-languageclient';

/** How many crashes within three minutes are restarted before the client gives up. */
const MAX_RESTARTS = 4;

export class QuietRestartErrorHandler implements ErrorHandler {
  private fallback: ErrorHandler | undefined;

  /** Uses the library's default policy (restart counts and limits) once the client exists. */
  attach(client: LanguageClient): void {
    this.fallback = client.createDefaultErrorHandler(MAX_RESTARTS);
  }

  async error(error: Error, message: Message | undefined, count: number | undefined): Promise<ErrorHandlerResult> {
    const result = this.fallback ? await this.fallback.error(error, message, count) : { action: ErrorAction.Continue };
    // A failing connection just before a restart is expected; only a shutdown is worth a notification.
    return result.action === ErrorAction.Continue ? { ...result, handled: true } : result;
  }

  async closed(): Promise<CloseHandlerResult> {
    const result = this.fallback ? await this.fallback.closed() : { action: CloseAction.Restart };
    return result.action === CloseAction.Restart ? { ...result, handled: true } : result;
  }
}
