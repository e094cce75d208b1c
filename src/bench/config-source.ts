/**
 * How a bench configuration is opened again in another thread or process: a plain, structured-clone
 * safe description (a built-in's name, engine options, a plug-in module's path). A configuration
 * without one (built in code by a caller) replays only in the thread that holds it.
 */
import type { EngineOptions } from '../engine/engine-options.ts';

/** Where a configuration comes from, enough to open it again anywhere. */
export type ConfigSource =
  | { readonly kind: 'builtin'; readonly name: string }
  | {
      readonly kind: 'engine';
      readonly name: string;
      readonly description: string;
      /** Engine options as a JSON config file sets them. */
      readonly options: Partial<EngineOptions>;
    }
  | { readonly kind: 'module'; readonly value: string };
