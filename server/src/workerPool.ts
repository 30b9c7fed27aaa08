// Worker threads that answer requests, one answer per request, matched by id. Threads start
// on demand up to the pool's size, each request goes to the least busy one, and a thread
// that fails or dies hands what it held to the caller's fallback (run on this thread), so
// every request is answered; the next request starts a new thread.
import { parentPort, Worker } from 'node:worker_threads';

interface Envelope<Request> {
  id: number;
  request: Request;
}

type Reply<Answer> = { id: number; answer: Answer; error?: undefined } | { id: number; error: string; answer?: undefined };

interface Pending<Request, Answer> {
  request: Request;
  resolve: (answer: Answer | Promise<Answer>) => void;
}

interface Thread<Request, Answer> {
  worker: Worker;
  pending: Map<number, Pending<Request, Answer>>;
}

export interface WorkerPoolOptions<Request, Answer> {
  /** The compiled worker script, which calls answerRequests. */
  workerPath: string;
  /** At most this many threads. */
  size: number;
  /** Answers a request on this thread when its thread failed. */
  fallback: (request: Request) => Answer | Promise<Answer>;
  /** Threads with nothing to do end after this long; they stay when it is absent. */
  idleMs?: number;
}

export class WorkerPool<Request, Answer> {
  private readonly threads: Thread<Request, Answer>[] = [];
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: WorkerPoolOptions<Request, Answer>) {}

  run(request: Request): Promise<Answer> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const thread = this.leastBusy();
    const id = this.nextId++;
    return new Promise((resolve) => {
      thread.pending.set(id, { request, resolve });
      thread.worker.postMessage({ id, request } satisfies Envelope<Request>);
    });
  }

  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const thread of this.threads.splice(0)) void thread.worker.terminate();
  }

  /** An idle thread, else a new one while the pool has room, else the one with the fewest requests. */
  private leastBusy(): Thread<Request, Answer> {
    let best: Thread<Request, Answer> | null = null;
    for (const thread of this.threads) if (!best || thread.pending.size < best.pending.size) best = thread;
    if (best && (best.pending.size === 0 || this.threads.length >= this.options.size)) return best;
    return this.start();
  }

  private start(): Thread<Request, Answer> {
    const worker = new Worker(this.options.workerPath);
    // The server's exit must not wait for an idle thread.
    worker.unref();
    const thread: Thread<Request, Answer> = { worker, pending: new Map() };
    worker.on('message', (reply: Reply<Answer>) => {
      const waiting = thread.pending.get(reply.id);
      if (!waiting) return;
      thread.pending.delete(reply.id);
      waiting.resolve(reply.error === undefined ? (reply.answer as Answer) : this.options.fallback(waiting.request));
      if (thread.pending.size === 0) this.endWhenIdle();
    });
    const lose = () => {
      const at = this.threads.indexOf(thread);
      if (at < 0) return;
      this.threads.splice(at, 1);
      // What the lost thread held is answered here instead: slower, but every request is answered.
      for (const [id, waiting] of thread.pending) {
        thread.pending.delete(id);
        waiting.resolve(this.options.fallback(waiting.request));
      }
    };
    worker.on('error', lose);
    worker.on('exit', lose);
    this.threads.push(thread);
    return thread;
  }

  private endWhenIdle(): void {
    const { idleMs } = this.options;
    if (idleMs === undefined || this.idleTimer || this.threads.some((thread) => thread.pending.size > 0)) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.threads.every((thread) => thread.pending.size === 0)) this.dispose();
    }, idleMs);
    this.idleTimer.unref?.();
  }
}

/** The worker's side: answers every request the pool sends with `answer` (sync or async); a throw is reported as an error. */
export function answerRequests<Request, Answer>(answer: (request: Request) => Answer | Promise<Answer>): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', async ({ id, request }: Envelope<Request>) => {
    let reply: Reply<Answer>;
    try {
      reply = { id, answer: await answer(request) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}
