// Serialises async work per key inside this process. Receipt issuing runs
// after @tus/server has released its upload lock, so two requests finishing
// the same submission (a retried zero-length PATCH, a parallel upload) could
// otherwise hash and sign concurrently.
export class KeyedMutex {
  constructor() {
    this.tails = new Map();
  }

  async run(key, fn) {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release;
    const current = new Promise((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
