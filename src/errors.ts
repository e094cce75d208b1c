import type { ContentKind } from './types.ts';

/**
 * The few named errors of terse. Each carries its culprit (file, line, field, ref) so a caller can
 * say where the problem is without parsing message text. Match them with `instanceof`.
 */

/** Base class: every error terse raises on purpose. `exitCode` is what the CLI exits with. */
export class TerseError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A trace, request or session file that cannot be read as what it claims to be. */
export class InvalidTraceError extends TerseError {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${reason}`);
  }
}

/** A file that is not valid UTF-8: terse keeps originals byte for byte and cannot keep a replaced character. */
export class InvalidEncodingError extends TerseError {
  constructor(
    readonly file: string,
    readonly line: number,
    /** Byte offset of the first byte that is not UTF-8. */
    readonly offset: number,
  ) {
    super(
      `${file}:${line}: not valid UTF-8 (byte offset ${offset}); terse stores originals byte for byte and refuses a file it would have to alter`,
    );
  }
}

/** A file whose content fits none of the known session formats. */
export class UnknownFormatError extends TerseError {
  constructor(
    readonly file: string,
    readonly tried: readonly string[],
  ) {
    super(`${file}: not a known session format (tried: ${tried.join(', ')})`);
  }
}

/** A probe line that is malformed, names an unknown trace, or whose answer does not check. */
export class InvalidProbeError extends TerseError {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly probe: string | null,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}${probe === null ? '' : ` probe ${probe}`}: ${reason}`);
  }
}

/** A provider request body that does not have the shape its provider requires. */
export class InvalidRequestError extends TerseError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`request field ${field}: ${reason}`);
  }
}

/** A configuration that is unknown or malformed. */
export class ConfigError extends TerseError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`config ${field}: ${reason}`);
  }
}

/** A path that is missing, unreadable or unwritable. */
export class PathError extends TerseError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** A registry that lists a compressor for a content kind the compressor does not declare in its `kinds`. */
export class CompressorKindError extends TerseError {
  constructor(
    readonly compressor: string,
    readonly kind: ContentKind,
    readonly kinds: readonly ContentKind[],
  ) {
    super(
      `compressor ${compressor} is listed for ${kind} content but declares ${kinds.length === 0 ? 'no kind' : `only ${kinds.join(', ')}`}`,
    );
  }
}

/** Why a store could not return an original. */
export type StoreMissReason = 'unknown' | 'expired' | 'evicted';

/** A ref the store cannot resolve. */
export class StoreMiss extends TerseError {
  constructor(
    readonly ref: string,
    readonly reason: StoreMissReason,
  ) {
    super(`ref ${ref}: ${reason}`);
  }
}

/** Input a report cannot be made from: a row cell of the wrong type, a README without its table markers. */
export class ReportInputError extends TerseError {
  constructor(
    /** Where: `requests row 3 column tokens_before`, `README marker <!-- bench:end -->`. */
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${where}: ${reason}`);
  }
}

/** A model response the live bench cannot read (not JSON, not a message of its API). */
export class ModelResponseError extends TerseError {
  constructor(
    readonly provider: string,
    readonly reason: string,
  ) {
    super(`${provider} response: ${reason}`);
  }
}

/** An HTTP status a model server answered with after the retries, or one not worth retrying. */
export class ModelHttpError extends ModelResponseError {
  constructor(
    provider: string,
    readonly status: number,
    body: string,
  ) {
    super(provider, `HTTP ${status}: ${body.slice(0, 200).replace(/\s+/g, ' ')}`);
  }
}

/** A credential a command needs and the environment lacks; `variable` names what to set. */
export class MissingCredentialError extends TerseError {
  constructor(
    readonly variable: string,
    readonly reason: string,
    readonly alternative: string | null = null,
  ) {
    super(`${reason}: set ${variable}${alternative === null ? '' : ` (or ${alternative})`}`);
  }
}

/** A run that costs money and was not confirmed (`--yes`). */
export class ConfirmationRequiredError extends TerseError {
  constructor(readonly estimate: string) {
    super(`${estimate}; re-run with --yes to confirm`);
  }
}

/** A command asked in a way it cannot run (stdin a terminal, a target that exists without --force). */
export class UsageError extends TerseError {
  constructor(
    /** What was asked: the argument or flag at fault. */
    readonly argument: string,
    readonly reason: string,
  ) {
    super(`${argument}: ${reason}`);
  }
}

/** A folder that is not a token-classification model terse can load (config, tokenizer, ONNX). */
export class ModelFolderError extends TerseError {
  constructor(
    readonly folder: string,
    readonly reason: string,
  ) {
    super(`${folder}: not a text model folder: ${reason}`);
  }
}

/** More model tokens than one scoring call may run over (the scoring worker's work budget). */
export class ScoringBudgetExceeded extends TerseError {
  constructor(
    readonly tokens: number,
    readonly budget: number,
  ) {
    super(`${tokens} model tokens over the budget of ${budget}`);
  }
}

/** Why the text model left a block as it was: over its size gate, its model failed, or a deadline passed. */
export type TextModelSkipReason = 'size-gate' | 'model-failed' | 'deadline';

/** The text model did not score a block; the engine fails the block open and records this. */
export class TextModelSkipped extends TerseError {
  constructor(
    readonly reason: TextModelSkipReason,
    readonly detail: string,
  ) {
    super(`text-model ${reason}: ${detail}`);
  }
}

/** A model hub that does not answer from this machine (no network, or a closed one). */
export class ModelHubUnreachable extends TerseError {
  constructor(
    readonly endpoint: string,
    readonly reason: string,
  ) {
    super(
      `${endpoint} is not reachable from here (${reason}); copy the model folder to this machine and run: terse models add DIR`,
    );
  }
}
