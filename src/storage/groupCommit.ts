/** A submitted item waiting for its batch. */
interface Pending<I, O> {
  readonly item: I;
  readonly resolve: (output: O) => void;
  readonly reject: (error: unknown) => void;
}

/** The items waiting on one key and how many batches of it are being written. */
interface KeyQueue<I, O> {
  readonly waiting: Pending<I, O>[];
  running: number;
}

/**
 * Group commit: items submitted for one key while batches of that key are being written
 * wait, and go together in the next batch: one transaction (one flush to disk) for many,
 * so throughput grows with the load instead of stopping at one commit's latency. An item
 * submitted when a lane is free goes at once, alone. `write` returns one output per item,
 * in order; when it throws, every item of its batch is rejected with the error.
 *
 * @internal
 */
export class GroupCommit<I, O> {
  private readonly queues = new Map<string, KeyQueue<I, O>>();

  constructor(
    private readonly write: (key: string, items: readonly I[]) => Promise<readonly O[]>,
    private readonly maxBatch: number,
  ) {}

  /** Writes `item` in a batch of `key`, at most `lanes` batches of a key at a time. */
  submit(key: string, item: I, lanes: number): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      let queue = this.queues.get(key);
      if (queue === undefined) {
        queue = { waiting: [], running: 0 };
        this.queues.set(key, queue);
      }
      queue.waiting.push({ item, resolve, reject });
      if (queue.running < lanes) {
        queue.running++;
        void this.drain(key, queue);
      }
    });
  }

  private async drain(key: string, queue: KeyQueue<I, O>): Promise<void> {
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, this.maxBatch);
      try {
        const outputs = await this.write(
          key,
          batch.map((pending) => pending.item),
        );
        batch.forEach((pending, k) => {
          pending.resolve(outputs[k] as O);
        });
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    queue.running--;
    if (queue.running === 0) this.queues.delete(key);
  }
}
