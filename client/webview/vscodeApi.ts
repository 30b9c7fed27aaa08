// The page's side of the webview channel, and the answers it gives the in-editor tests.
import type { TestQuestion } from '../src/webviews/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const vscode = acquireVsCodeApi();

export function post(message: unknown): void {
  vscode.postMessage(message);
}

/** Runs a test question's action and posts its result or its error back. */
export async function answer(question: TestQuestion, handlers: Record<string, (args: Record<string, unknown>) => unknown>): Promise<void> {
  const handler = handlers[question.action];
  try {
    if (!handler) throw new Error(`No test action "${question.action}".`);
    const result = await handler(question.args ?? {});
    post({ type: 'testResult', id: question.id, result });
  } catch (error) {
    post({ type: 'testResult', id: question.id, error: String(error) });
  }
}

/** Waits for the page to draw what the last change did. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
