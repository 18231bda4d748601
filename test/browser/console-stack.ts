import { mkdirSync } from 'node:fs';
import { SCREENSHOT_DIR, startConsoleStack, type ConsoleStack, type ConsoleStackOptions } from '../support/browser';

/**
 * The whole stack with the console, for the tests of one file: started before them (the screenshot folder
 * made too) and stopped after them. The stack is there once the file's `beforeAll` has run: read it then.
 */
export function useConsoleStack(options: ConsoleStackOptions = {}): () => ConsoleStack {
  let consoleStack: ConsoleStack | undefined;

  beforeAll(async () => {
    consoleStack = await startConsoleStack(options);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await consoleStack?.stop();
  });

  return () => {
    if (!consoleStack) throw new Error('the console stack is read before the tests of its file have started it');
    return consoleStack;
  };
}
